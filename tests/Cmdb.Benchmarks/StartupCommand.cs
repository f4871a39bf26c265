using System.Diagnostics;
using Cmdb.Domain.Storage;
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
        await ClassQueriesAsync(options);
    }

    /// <summary>
    /// Current-state queries filtered by class (first page of 50 with its count, then the page after it), three runs each:
    /// since V0011 the class's CIs come from the graph index rather than the ci_class index.
    /// </summary>
    private static async Task ClassQueriesAsync(SqliteStorageOptions options)
    {
        await using var store = new SqliteCmdbStore(options, TestModels.Seed, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        CiFilter[] filters =
        [
            new() { Classes = ["Application"] },
            new() { Classes = ["Computer"] },
            new() { Classes = ["Location"] },
            new() { Classes = ["Application"], Environments = ["prod"] },
            new() { Classes = ["Application"], Owner = "nobody" }, // a condition the index cannot answer: SQL over the class's ids
        ];
        foreach (var filter in filters)
        {
            var times = new List<double>();
            var total = 0;
            for (var run = 0; run < 3; run++)
            {
                var watch = Stopwatch.StartNew();
                var page = await store.QueryCisAsync(filter, 50, null, null, CancellationToken.None);
                if (page.HasNextPage) _ = await store.QueryCisAsync(filter, 50, page.Items[^1].Cursor, null, CancellationToken.None);
                times.Add(watch.Elapsed.TotalSeconds);
                total = page.TotalCount;
            }

            var label = string.Join(',', filter.Classes!) + (filter.Environments is null ? "" : " env " + string.Join(',', filter.Environments)) +
                (filter.Owner is null ? "" : " owner " + filter.Owner);
            Report.Line($"class query {label} ({total:N0} CIs): two pages of 50 with the count {string.Join(" / ", times.Select(t => Report.Duration(t)))}");
        }
    }
}
