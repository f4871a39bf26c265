using System.Diagnostics;
using System.Runtime.CompilerServices;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>index</c>: time to build the <see cref="GraphIndex"/> from the in-memory estate (ids already materialised, as a
/// store reading its tables would have them), and the memory the index holds (ids as 16-byte ULID values: the
/// strings handed in are not kept).
/// </summary>
internal static class IndexCommand
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Run(BenchmarkOptions o)
    {
        var model = TestModels.Seed;
        SyntheticEstate? estate = Estates.Generate(o);
        string[]? ids = estate.Ids();
        if (o.Runs > 0)
        {
            // --runs 0 skips timing, so the memory figures below are not inflated by heap the timed builds left behind.
            var build = Sampler.Summarise(TimeBuilds(estate, model, ids, o.Runs), 1);
            Report.Line($"index build ({estate.CiCount:N0} nodes, {estate.RelationshipCount:N0} edges): {build}");
            Report.Line($"  = {Report.Rate(estate.CiCount / build.Median)} nodes, {Report.Rate(estate.RelationshipCount / build.Median)} edges");
        }

        // Memory: everything the index allocates. The id strings LoadGraph makes are garbage once it returns.
        ids = null;
        var before = ProcessMemory.ManagedAfterFullCollection();
        var index = estate.LoadGraph(model, At);
        var after = ProcessMemory.ManagedAfterFullCollection();
        Report.Line($"index managed memory (GC.GetTotalMemory after full collections, after - before): {Report.Mb(after - before)} " +
            $"= {(double)(after - before) / estate.CiCount:F0} B per CI");

        // The impact engine's propagation rows are built lazily, on the first impact query after a compaction: count them too.
        var rows = index.PreparePropagationRows();
        var withRows = ProcessMemory.ManagedAfterFullCollection();
        Report.Line($"  with the propagation rows the first impact query builds ({Report.Mb(rows)} by their own count): {Report.Mb(withRows - before)} " +
            $"= {(double)(withRows - before) / estate.CiCount:F0} B per CI");

        // RSS with only the index alive: drop the generator's arrays first.
        estate = null;
        var managed = ProcessMemory.ManagedAfterFullCollection();
        var (rss, peak) = ProcessMemory.Resident();
        Report.Line($"process with only the index alive: managed {Report.Mb(managed)}, RSS {Report.Mb(rss)} (peak RSS during the run {Report.Mb(peak)})");
        GC.KeepAlive(index);
    }

    /// <summary>
    /// Builds the index <paramref name="runs"/> times. A method of its own, so no index built here can stay reachable
    /// from a stack slot of the caller and inflate its memory figures.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<double> TimeBuilds(SyntheticEstate estate, ModelCatalog model, string[] ids, int runs)
    {
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            ProcessMemory.ManagedAfterFullCollection();
            var watch = Stopwatch.StartNew();
            var graph = estate.LoadGraph(model, At, ids);
            times.Add(watch.Elapsed.TotalSeconds);
            GC.KeepAlive(graph);
        }

        return times;
    }
}
