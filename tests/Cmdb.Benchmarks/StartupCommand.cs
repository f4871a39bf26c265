using System.Diagnostics;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;

namespace Cmdb.Benchmarks;

/// <summary><c>startup --db PATH</c>: only the store's start-up (InitializeAsync builds the index) on an existing file.</summary>
internal static class StartupCommand
{
    public static async Task RunAsync(BenchmarkOptions o)
    {
        var path = o.Database ?? throw new ArgumentException("startup needs --db PATH (a file written by the import command)");
        var options = new SqliteStorageOptions { DatabasePath = path };
        var times = new List<double>();
        var writable = new List<double>();
        for (var run = 0; run < o.StartupRuns; run++)
        {
            ProcessMemory.ManagedAfterFullCollection();
            await using var store = new SqliteCmdbStore(options, TestModels.Seed, TimeProvider.System);
            var watch = Stopwatch.StartNew();
            await store.InitializeAsync(CancellationToken.None);
            times.Add(watch.Elapsed.TotalSeconds);
            _ = await store.ResolveIdentifiersAsync([], CancellationToken.None); // waits for the write gate: identifiers loaded
            writable.Add(watch.Elapsed.TotalSeconds);
            var graph = await store.GetGraphAsync([], CancellationToken.None);
            var managed = ProcessMemory.ManagedAfterFullCollection();
            var (rss, peak) = ProcessMemory.Resident();
            Report.Line($"start-up run {run + 1}: {Report.Duration(times[^1])} (ready for writes after {Report.Duration(writable[^1])}), {graph.NodeCount:N0} nodes / {graph.EdgeCount:N0} edges; " +
                $"managed {Report.Mb(managed)}, RSS {Report.Mb(rss)}, peak RSS {Report.Mb(peak)}");
            Report.Line("  phases: " + string.Join(", ", store.StartupPhases.Select(p => $"{p.Phase} {Report.Duration(p.Seconds)}")));
        }

        Report.Line($"start-up (InitializeAsync from {path}): {Sampler.Summarise(times, 1)}");
        Report.Line($"ready for writes (identifiers loaded after InitializeAsync): {Sampler.Summarise(writable, 1)}");
    }
}
