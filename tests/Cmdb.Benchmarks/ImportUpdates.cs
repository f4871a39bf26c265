using System.Diagnostics;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>CMDB_BENCH_UPDATES=N</c> with <c>CMDB_BENCH_CIS_ONLY=1</c>: after the first import, the store is opened again (so the
/// CIs have their start-up digests, as a store discovery updates has) and N of its CIs, spread over the estate, are
/// updated in batches of 5,000 by id with two new attributes each: the store's share of discovery's first-run updates
/// (read-ahead of the current CI, merge, version row, audit, provenance, search row), without the engine.
/// </summary>
internal static class ImportUpdates
{
    private const int BatchSize = 5_000;
    private static readonly Actor Source = new(ActorKind.System, "bench-discovery");

    public static async Task RunAsync(SqliteStorageOptions options, IReadOnlyList<string> ids, int count)
    {
        count = Math.Min(count, ids.Count);
        await using var store = new SqliteCmdbStore(options, TestModels.Seed, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        double wall = 0, cpu = 0, batchThread = 0, statementThread = 0, commit = 0, publish = 0;
        var updated = 0;
        var (gen1, paused) = (GC.CollectionCount(1), GC.GetTotalPauseDuration());
        for (var start = 0; start < count; start += BatchSize)
        {
            var operations = new List<WriteOperation>(BatchSize);
            for (var i = start; i < Math.Min(count, start + BatchSize); i++)
            {
                var id = ids[(int)((long)i * ids.Count / count)];
                operations.Add(new UpdateCi(id, 1, new CiFields
                {
                    Attributes = new JsonObject { ["discovered.os"] = $"linux-{i % 7}", ["discovered.patch"] = i },
                }));
            }

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = await store.ApplyAsync(new WriteBatch(operations), Source, CancellationToken.None);
            wall += watch.Elapsed.TotalSeconds;
            cpu += (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            batchThread += store.LastBatchCpu.BatchThread;
            statementThread += store.LastBatchCpu.StatementThread;
            commit += store.LastBatchWall.Commit;
            publish += store.LastBatchWall.Publish;
            updated += result.Count(WriteOutcome.Updated);
        }

        Report.Line($"updates: {updated:N0} of {count:N0} CIs updated in {Report.Duration(wall)} = {Report.Rate(updated / wall)} committed " +
            $"(batches of {BatchSize:N0}); process CPU {Report.Duration(cpu)} ({Report.Rate(updated / cpu)} per CPU-second); batch thread " +
            $"{Report.Duration(batchThread)}, statement thread {Report.Duration(statementThread)}; commit {Report.Duration(commit)}, publish " +
            $"{Report.Duration(publish)}; gen1 GCs {GC.CollectionCount(1) - gen1}, paused {Report.Duration((GC.GetTotalPauseDuration() - paused).TotalSeconds)}");
    }
}
