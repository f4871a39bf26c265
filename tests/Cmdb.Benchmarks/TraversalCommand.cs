using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>traversal</c>: the impact closure of the four reference CIs, three ways in one run: the plain BFS baseline over
/// the index arrays, the product's <see cref="ImpactAnalyzer"/> (with and without reading the ordered result), and a
/// SQLite recursive CTE over the same hops. Each is a warmed-up Stopwatch loop; figures are medians.
/// </summary>
internal static class TraversalCommand
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Run(BenchmarkOptions o)
    {
        var estate = Estates.Generate(o);
        var graph = estate.LoadGraph(TestModels.Seed, At);
        var seq = graph.Commits.Latest;
        var prepare = System.Diagnostics.Stopwatch.StartNew();
        var propagationBytes = graph.PreparePropagationRows();
        Report.Line($"propagation rows (impact fast path): {propagationBytes / 1e6:F1} MB, built in {prepare.Elapsed.TotalMilliseconds:F0} ms");
        var bfs = new BfsBaseline(graph);
        var floor = new PropagationBfs(graph);
        // CMDB_TRAVERSAL_DUMP=FILE writes the propagation rows and the references' local numbers for Native/propagation_bfs.c, then stops.
        if (Environment.GetEnvironmentVariable("CMDB_TRAVERSAL_DUMP") is { Length: > 0 } dump)
        {
            DumpRows(graph, estate, dump);
            Report.Line($"propagation rows written to {dump}");
            return;
        }

        var analyzer = new ImpactAnalyzer();
        var scope = new ImpactScope { MaxDepth = analyzer.Options.MaxDepthCap };
        using var cte = o.Sqlite ? SqliteCteClosure.Create(estate, DatabasePath(o)) : null;
        var results = new List<string>();
        var floors = new List<string>();
        // Profiling one reference: CMDB_TRAVERSAL_ONLY=hypervisor (a role) skips the others.
        var only = Environment.GetEnvironmentVariable("CMDB_TRAVERSAL_ONLY");
        // A/B runs of the engine alone: CMDB_TRAVERSAL_QUICK=1 measures only the floor, Impact + Summary CPU (disposed and
        // not) and the phases.
        var quick = Environment.GetEnvironmentVariable("CMDB_TRAVERSAL_QUICK") == "1";
        foreach (var r in estate.References.All)
        {
            if (!string.IsNullOrEmpty(only) && !r.Role.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var id = estate.Id(r.Index);
            var reached = bfs.Closure(r.Index, seq);
            var scanned = bfs.EdgesScanned;
            var impactCount = analyzer.Impact(graph, [id], scope).TotalCount;
            var cteCount = cte?.Closure(r.Index);
            Report.Line($"{r.Role}: reach BFS {reached:N0}, ImpactAnalyzer {impactCount:N0}, SQLite CTE {cteCount?.ToString("N0", null) ?? "-"} (generator says {r.ReachSize:N0}); {scanned:N0} edges scanned");
            // Profiling (perf record -p): CMDB_TRAVERSAL_PROFILE=1 only calls Impact + Summary (disposed) for --seconds of wall
            // time per reference, so the samples are the engine's rather than the measuring loops' or the estate's.
            if (Environment.GetEnvironmentVariable("CMDB_TRAVERSAL_PROFILE") == "1")
            {
                var calls = 0L;
                for (var wall = System.Diagnostics.Stopwatch.StartNew(); wall.Elapsed.TotalSeconds < o.Seconds; calls++) Disposed(analyzer.Impact(graph, [id], scope), r => r.Summary.Down);
                Report.Line($"  {calls:N0} calls of Impact + Summary");
                continue;
            }

            if (quick)
            {
                var quickFloor = ThreadCpu.Measure(() => floor.Closure(r.Index, branchFree: false), o.Seconds);
                Report.Line($"  .NET floor, CPU         {quickFloor}");
                Report.Line($"  Impact + Summary, CPU   {ThreadCpu.Measure(() => Disposed(analyzer.Impact(graph, [id], scope), r => r.Summary.Down), o.Seconds)}");
                Report.Line($"  not disposed, CPU       {ThreadCpu.Measure(() => analyzer.Impact(graph, [id], scope).Summary.Down, o.Seconds)}");
                Report.Line($"  phases, CPU medians     {TraversalPhases.Measure(graph, r.Index, scope.MaxDepth!.Value, o.Seconds / 2)}");
                continue;
            }


            var plain = Sampler.Measure(() => bfs.Closure(r.Index, seq), o.Seconds);
            Report.Line($"  BFS baseline            {plain}; {Report.Rate(scanned / plain.Median)} edges scanned, {Report.Rate(reached / plain.Median)} CIs reached");
            var floorReached = floor.Closure(r.Index, branchFree: false);
            var floorCpu = ThreadCpu.Measure(() => floor.Closure(r.Index, branchFree: false), o.Seconds);
            var floorFree = ThreadCpu.Measure(() => floor.Closure(r.Index, branchFree: true), o.Seconds);
            Report.Line($"  .NET floor, CPU         {floorCpu} (plain BFS over the propagation rows: {floorReached:N0} reached, {floor.EntriesScanned:N0} entries); branch-free: median {Report.Duration(floorFree.Median)}, min {Report.Duration(floorFree.Min)}");
            var impact = Sampler.Measure(() => Disposed(analyzer.Impact(graph, [id], scope), r => r.Seq), o.Seconds);
            Report.Line($"  ImpactAnalyzer.Impact   {impact}");
            var ordered = Sampler.Measure(() => Disposed(analyzer.Impact(graph, [id], scope), r => r.TotalCount), o.Seconds);
            Report.Line($"  Impact + TotalCount     {ordered}");
            var summarised = Sampler.Measure(() => Disposed(analyzer.Impact(graph, [id], scope), r => r.Summary.Down), o.Seconds);
            Report.Line($"  Impact + Summary        {summarised}");
            var cpu = ThreadCpu.Measure(() => Disposed(analyzer.Impact(graph, [id], scope), r => r.Summary.Down), o.Seconds);
            Report.Line($"  Impact + Summary, CPU   {cpu} (thread CPU time per call: leaves out waiting for a core)");
            Report.Line($"  not disposed, CPU       {ThreadCpu.Measure(() => analyzer.Impact(graph, [id], scope).Summary.Down, o.Seconds)} (a caller that never disposes: the arrays are not reused)");
            Report.Line($"  phases, CPU medians     {TraversalPhases.Measure(graph, r.Index, scope.MaxDepth!.Value, o.Seconds / 2)}");
            var services = ThreadCpu.Measure(() => Disposed(analyzer.Impact(graph, [id], scope), FirstService), o.Seconds);
            var serviceCount = analyzer.Impact(graph, [id], scope).Summary.BusinessServices.Count;
            Report.Line($"  + services list, CPU    {services} (the {serviceCount:N0} business services ordered and made, first one read)");
            Report.Line($"  allocated per call      {Allocated(() => Disposed(analyzer.Impact(graph, [id], scope), r => r.Summary.Down)) / 1e3:N1} KB (Impact + Summary), " +
                $"{Allocated(() => Disposed(analyzer.Impact(graph, [id], scope), FirstService)) / 1e3:N1} KB with the services list, " +
                $"{Allocated(() => analyzer.Impact(graph, [id], scope).Summary.Down) / 1e3:N1} KB not disposed");
            Timing? sql = null;
            if (cte is not null)
            {
                sql = Sampler.Measure(() => cte.Closure(r.Index), o.Seconds, maxSamples: 101, minSamples: 5);
                Report.Line($"  SQLite recursive CTE    {sql}; CTE / BFS = {sql.Median / plain.Median:F0}x, CTE / ImpactAnalyzer = {sql.Median / impact.Median:F1}x");
            }

            floors.Add($"| {r.Role} | {floorReached:N0} | {floor.EntriesScanned:N0} | {Report.Duration(floorCpu.Median)} | {Report.Duration(floorFree.Median)} | {Report.Duration(cpu.Median)} | {cpu.Median / Math.Min(floorCpu.Median, floorFree.Median):F1}x |");
            results.Add($"| {r.Role} | {reached:N0} | {Report.Duration(plain.Median)} | {Report.Duration(plain.P95)} | {Report.Rate(scanned / plain.Median)} | " +
                $"{Report.Duration(impact.Median)} | {Report.Duration(impact.P95)} | {Report.Duration(ordered.Median)} | {Report.Duration(summarised.Median)} | {Report.Duration(cpu.Median)} | {Report.Duration(services.Median)} | " +
                $"{(sql is null ? "-" : Report.Duration(sql.Median))} | {(sql is null ? "-" : $"{sql.Median / plain.Median:F0}x / {sql.Median / impact.Median:F1}x")} |");
        }

        Report.Line("");
        Report.Line("| reference | reach | BFS median | BFS p95 | edges scanned/s | Impact median | Impact p95 | Impact+TotalCount | Impact+Summary | Impact+Summary CPU | + services CPU | SQLite CTE median | CTE/BFS, CTE/Impact |");
        Report.Line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var line in results) Report.Line(line);
        Report.Line("");
        Report.Line("| reference | reach | propagation entries | .NET floor CPU (branch) | .NET floor CPU (branch-free) | Impact+Summary CPU | engine / floor |");
        Report.Line("|---|---|---|---|---|---|---|");
        foreach (var line in floors) Report.Line(line);
    }

    /// <summary>Reads the result, then disposes it, as a GraphQL request does: a large result's arrays are reused by the next call.</summary>
    private static long Disposed(ImpactResult result, Func<ImpactResult, long> read)
    {
        using (result) return read(result);
    }

    private static long FirstService(ImpactResult result)
    {
        var services = result.Summary.BusinessServices;
        return services.Count > 0 ? services[0].Depth : 0;
    }

    /// <summary>Bytes allocated on this thread per call (average of a few calls after one warm-up call).</summary>
    private static double Allocated(Func<long> operation)
    {
        var sink = operation();
        var calls = 5;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++) sink += operation();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(sink);
        return bytes / (double)calls;
    }

    public static string DatabasePath(BenchmarkOptions o, string name = "cte")
    {
        if (o.Database is { } path) return path;
        Directory.CreateDirectory("/tmp/cmdb-bench");
        return $"/tmp/cmdb-bench/{name}-{o.Cis}-{o.Seed}.db";
    }

    /// <summary>
    /// The propagation rows as little-endian int32s (node count, entry count, row starts, entries, local-to-public numbers,
    /// then the references' local numbers), so a plain C breadth-first search can walk the very arrays the engine walks.
    /// </summary>
    private static void DumpRows(GraphIndex graph, SyntheticEstate estate, string path)
    {
        var rows = graph.Propagation(wait: true) ?? throw new InvalidOperationException("No propagation rows.");
        using var w = new BinaryWriter(File.Create(path));
        w.Write(rows.NodeCount);
        w.Write(rows.Entry.Length);
        for (var n = 0; n <= rows.NodeCount; n++) w.Write(rows.RowStart(n));
        foreach (var x in rows.Entry) w.Write(x);
        foreach (var x in rows.ToPublic) w.Write(x);
        w.Write(estate.References.All.Count);
        foreach (var r in estate.References.All) w.Write(rows.ToLocal[r.Index]);
    }
}
