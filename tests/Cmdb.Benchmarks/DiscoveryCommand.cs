using System.Diagnostics;
using System.Globalization;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Engine;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Domain.Import;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Discovery;
using Cmdb.Testing;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>discovery</c>: a store of <c>--cis</c> synthetic CIs (CIs only, imported first), then a discovery payload of
/// <c>--payload</c> items in 10 complete scopes, half matching stored CIs (each with two new attributes), half new;
/// reconciled by <see cref="DiscoveryService"/> (identification, precedence, audit, provenance, sightings); then the
/// same payload again, which must change nothing.
/// </summary>
internal static class DiscoveryCommand
{
    private const int Scopes = 10;

    public static async Task RunAsync(BenchmarkOptions o, string[] args)
    {
        var payloadSize = Arg(args, "--payload", 100_000);
        var estate = Estates.Generate(o);
        var dbPath = TraversalCommand.DatabasePath(o, "discovery");
        foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm", dbPath + "-search", dbPath + "-search-wal", dbPath + "-search-shm" }) File.Delete(f);
        var storage = new SqliteStorageOptions { DatabasePath = dbPath };
        // --template PATH: the loaded store is kept there (made by the first run that names it) and copied for each
        // later run, so a comparison of builds does not spend minutes loading the same 1M CIs again and again.
        var template = Text(args, "--template");
        var watch = Stopwatch.StartNew();
        if (template is not null && File.Exists(template))
        {
            File.Copy(template, dbPath, overwrite: true);
            if (File.Exists(template + "-wal")) File.Copy(template + "-wal", dbPath + "-wal", overwrite: true);
            // The search index's own file (V0012): without it the first start rebuilds it from the database.
            if (File.Exists(template + "-search")) File.Copy(template + "-search", dbPath + "-search", overwrite: true);
            Report.Line($"store copied from {template} in {Report.Duration(watch.Elapsed.TotalSeconds)}");
        }
        else
        {
            await using var loading = new SqliteCmdbStore(storage, TestModels.Seed, TimeProvider.System);
            await loading.InitializeAsync(CancellationToken.None);
            for (var start = 0; start < estate.CiCount; start += 50_000)
            {
                using var stream = new MemoryStream();
                estate.WriteImportDocument(stream, start, Math.Min(50_000, estate.CiCount - start), 0, 0);
                stream.Position = 0;
                await loading.ApplyAsync(ImportDocumentReader.Read(stream), Actor.System, CancellationToken.None);
            }

            Report.Line($"store loaded: {estate.CiCount:N0} CIs in {Report.Duration(watch.Elapsed.TotalSeconds)}");
        }

        if (template is not null && !File.Exists(template))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // really close the file, checkpointing the WAL
            if (File.Exists(dbPath + "-wal")) File.Copy(dbPath + "-wal", template + "-wal", overwrite: true);
            if (File.Exists(dbPath + "-search")) File.Copy(dbPath + "-search", template + "-search", overwrite: true);
            File.Copy(dbPath, template + ".part", overwrite: true);
            File.Move(template + ".part", template);
        }

        watch.Restart();
        await using var store = new SqliteCmdbStore(storage, TestModels.Seed, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        Report.Line($"store opened in {Report.Duration(watch.Elapsed.TotalSeconds)}");
        // The store loads its identifier map after opening, holding the write gate; a run started at once would count
        // the rest of the start-up as reconciliation (about 2 s at 1M CIs). A service reconciles a store long open, so
        // the runs below start once the store takes writes (an empty resolve waits for the gate), and the wait is shown.
        watch.Restart();
        await store.ResolveEachAsync([], CancellationToken.None);
        Report.Line($"store ready for writes {Report.Duration(watch.Elapsed.TotalSeconds)} later");
        // --prepare: only open (and so migrate) the file, e.g. a template copied from an older build's store.
        if (args.Contains("--prepare")) return;
        // --generation G (default 1) and --source NAME (default "bench"): a store that a run of generation 1 has already
        // reconciled (such as a kept 1M file) gets a true first run again from generation 2 under a new source name:
        // other attribute values for the matched half, other keys for the new half.
        var generation = Arg(args, "--generation", 1);
        var sourceName = Text(args, "--source") ?? "bench";
        var batch = Payload(estate, payloadSize, generation, estate.CiCount, "disc");
        // --warmup N: first reconcile N items (half updates, half creates) against a separate store of N CIs, so the
        // measured runs use jitted code as a long-running service would (a fresh process's first run is mostly tier-0
        // code, with the JIT thread competing for the cores). Without it the first run is a cold process's.
        if (Arg(args, "--warmup", 0) is > 0 and var warm) await WarmUpAsync(estate, dbPath + ".warmup.db", warm, args);
        ProcessMemory.ManagedAfterFullCollection();

        using var sqliteState = new SqliteDiscoveryStateStore(storage, store);
        var (state, stateCalls) = DiscoveryTimedState.Wrap(sqliteState);
        var options = new DiscoveryOptions();
        // --batch N: operations per store transaction (the engine's BatchSize), to compare batch sizes.
        options.BatchSize = Arg(args, "--batch", options.BatchSize);
        options.Sources[sourceName] = new DiscoverySourceOptions { Kind = "bench", Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromHours(1) };
        // Another source than the one that reconciled the kept file may only overwrite its values under a rule.
        if (sourceName != "bench") options.Precedence.Add(new PrecedenceRuleOptions { Field = "attributes.*", Sources = [sourceName, "bench"] });
        var measured = new MeasuredStore(store);
        // --pause S: wait S seconds before the first run, so a profiler (perf record -p PID) can attach to the measured runs only.
        if (Arg(args, "--pause", 0) is > 0 and var pause)
        {
            Report.Line($"pausing {pause} s before the first run (pid {Environment.ProcessId})");
            await Task.Delay(TimeSpan.FromSeconds(pause));
        }

        using var engine = new DiscoveryService(measured, state, new FixedFactory(batch), options, TimeProvider.System);
        // --jit-names FILE: every method the first run compiles, with its tier (what a warmed service would still jit).
        using var jitNames = Text(args, "--jit-names") is null ? null : new JitNames();
        await Measure(engine, measured, stateCalls, sourceName, "first run (creates + updates, audit + provenance)", r => r.Counts.Created + r.Counts.Updated, jitNames);
        if (jitNames is not null) await File.WriteAllLinesAsync(Text(args, "--jit-names")!, JitNames.Lines(jitNames.Methods));
        // --next-source: then a first run of a second source (generation + 1, under a precedence rule) in the same
        // process: what a service that has already reconciled once pays (no warm-up store, nothing jitted for the first
        // time, the index grown), beside the first run after start-up above.
        if (args.Contains("--next-source")) await MeasureNextSourceAsync(estate, payloadSize, generation + 1, sourceName, options, measured, state, stateCalls);
        // --reruns N: N unchanged re-runs and their medians (the re-run is ~0.2 s, so one run is mostly scheduling noise).
        var reruns = Math.Max(1, Arg(args, "--reruns", 2));
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var i = 0; i < reruns; i++)
        {
            var (wall, cpu) = await Measure(engine, measured, stateCalls, sourceName, i == 0 ? "unchanged re-run (no CI writes, sighting bookkeeping only)" : $"unchanged re-run {i + 1}",
                r => r.Counts.Unchanged);
            walls.Add(wall);
            cpus.Add(cpu);
        }

        if (reruns > 2)
        {
            Report.Line($"unchanged re-runs, median of {reruns}: {Report.Rate(payloadSize / Median(walls))} wall, " +
                $"{Report.Rate(payloadSize / Median(cpus))} per CPU-second (wall {Report.Duration(Median(walls))}, CPU {Report.Duration(Median(cpus))})");
        }
    }

    private static async Task MeasureNextSourceAsync(
        SyntheticEstate estate, int payloadSize, int generation, string firstSource, DiscoveryOptions options, MeasuredStore measured,
        Cmdb.Domain.Discovery.IDiscoveryStateStore state, DiscoveryTimedState stateCalls)
    {
        var next = firstSource + "-next";
        options.Sources[next] = new DiscoverySourceOptions { Kind = "bench", Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromHours(1) };
        options.Precedence.Add(new PrecedenceRuleOptions { Field = "attributes.*", Sources = [next, firstSource] });
        using var engine = new DiscoveryService(measured, state, new FixedFactory(Payload(estate, payloadSize, generation, estate.CiCount, "disc")), options, TimeProvider.System);
        await Measure(engine, measured, stateCalls, next, $"next source's first run (generation {generation}, same process)", r => r.Counts.Created + r.Counts.Updated);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<(double Wall, double Cpu)> Measure(
        DiscoveryService engine, MeasuredStore measured, DiscoveryTimedState stateCalls, string source, string label, Func<DiscoveryRun, int> written,
        JitNames? jitNames = null)
    {
        // A full collection first, so a run does not pay for the garbage of the one before it.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        var (jitted, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var threadsBefore = ThreadTimes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var faults = MinorFaults();
        measured.Reset();
        stateCalls.Reset();
        // Diagnosis only (CMDB_BENCH_ALLOCATIONS=1, as for import): which types the run's garbage is made of.
        using var sampler = Environment.GetEnvironmentVariable("CMDB_BENCH_ALLOCATIONS") == "1" ? new AllocationSampler { Recording = true } : null;
        jitNames?.Start();
        var watch = Stopwatch.StartNew();
        var run = await engine.RunAsync(source, DiscoveryTrigger.Manual, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        jitNames?.Stop();
        // Read at once: the report below jits code of its own (LINQ over the timings), which is not the run's.
        var (jittedInRun, jitTimeInRun) = (System.Runtime.JitInfo.GetCompiledMethodCount() - jitted, System.Runtime.JitInfo.GetCompilationTime() - jitTime);
        if (sampler is not null) sampler.Recording = false;
        var timeline = measured.Timeline(seconds);
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
        var collections = $"{GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, " +
            $"paused {Report.Duration((GC.GetTotalPauseDuration() - paused).TotalSeconds)}";
        var c = run.Counts;
        // CPU time is reported too: on a shared, loaded machine wall time mostly measures the queue for a core.
        Report.Line($"{label}: {run.Status}, {c.Discovered:N0} items in {Report.Duration(seconds)} = {Report.Rate(c.Discovered / seconds)} wall; " +
            $"process CPU {Report.Duration(cpuSeconds)} = {Report.Rate(c.Discovered / cpuSeconds)} per CPU-second " +
            $"({written(run):N0} counted: created {c.Created:N0}, updated {c.Updated:N0}, unchanged {c.Unchanged:N0}, conflicts {c.Conflicts}, errors {c.Errors})");
        Report.Line("  phases (wall): " + string.Join(", ", engine.LastPhases.Select(p => $"{p.Phase} {Report.Duration(p.Seconds)}")));
        Report.Line($"  allocated {megabytes:N1} MB, collections gen0/1/2 {collections}; " +
            // What the JIT compiled while the run went on (all threads; tier-up of code the warm-up left unoptimised shows here).
            $"jitted {jittedInRun:N0} methods in {Report.Duration(jitTimeInRun.TotalSeconds)}");
        Report.Line("  store calls: " + measured.Summary());
        Report.Line($"  process minor faults {MinorFaults() - faults:N0}");
        // Where the wall clock went, from the run's start: the first and last store call of each kind, and the side store's
        // calls (run records, sightings) with their time, so a first run reads as a timeline rather than a sum of phases.
        Report.Line("  timeline: " + timeline);
        Report.Line("  state store calls: " + stateCalls.Summary());
        // Which threads used the process CPU (Linux /proc, clock ticks of 10 ms): the engine's thread, the pool thread
        // that fingerprints, the store's background threads, GC.
        var threads = ThreadTimes();
        Report.Line("  CPU by thread: " + string.Join(", ", threads
            .Select(t => (t.Key, Ticks: t.Value.Ticks - (threadsBefore.TryGetValue(t.Key, out var b) ? b.Ticks : 0), t.Value.Name))
            .Where(t => t.Ticks > 0).OrderByDescending(t => t.Ticks).Take(6).Select(t => $"{t.Name}#{t.Key} {t.Ticks * 10} ms")));
        if (run.Error is not null) Report.Line("  error: " + run.Error.Split('\n')[0]);
        if (sampler is not null)
        {
            foreach (var (type, bytes) in sampler.Top(30)) Report.Line($"    allocated {bytes / 1e6,8:F1} MB  {type}");
        }

        return (seconds, cpuSeconds);
    }

    /// <summary>
    /// The process's minor page faults so far (Linux /proc; 0 elsewhere): memory the kernel handed over on first touch,
    /// which a loaded machine does not blur the way it blurs wall and CPU time.
    /// </summary>
    private static long MinorFaults()
    {
        if (!File.Exists("/proc/self/stat")) return 0;
        var stat = File.ReadAllText("/proc/self/stat");
        // After "pid (comm) ": field 3 is the state, so minflt (field 10) is at 7.
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<int, (string Name, long Ticks)> ThreadTimes()
    {
        var result = new Dictionary<int, (string, long)>();
        if (!Directory.Exists("/proc/self/task")) return result;
        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // After the name: state is field 3 of stat(5), utime field 14 and stime field 15.
                result[int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture)] =
                    (name, long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // the thread ended meanwhile
            }
        }

        return result;
    }

    /// <summary>
    /// Reconciles <paramref name="size"/> items against a separate store of as many CIs, in rounds, until the JIT is
    /// done with what the runs use. One round was not enough: a 20k round runs every hot method of the engine and the
    /// store at tier 0 (the runtime starts counting calls only once no new method has been jitted for 100 ms), so the
    /// measured run still took them through instrumented tier 0 to tier 1 — about 1,600 compilations and 0.6–1.2 s of
    /// the JIT thread's CPU inside the measured first run. Each round is a true first run (generation 2, 3, … changes
    /// the matched half's attributes and the new half's keys) followed by an unchanged re-run; rounds stop when one
    /// compiles fewer than <see cref="QuietRound"/> methods, after at most <c>--warmup-rounds</c> (default 4).
    /// </summary>
    private static async Task WarmUpAsync(SyntheticEstate estate, string path, int size, string[] args)
    {
        var storage = new SqliteStorageOptions { DatabasePath = path };
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        var watch = Stopwatch.StartNew();
        var maxRounds = Math.Max(1, Arg(args, "--warmup-rounds", 4));
        var within = Math.Min(size, estate.CiCount);
        var rounds = new List<string>();
        {
            await using var store = new SqliteCmdbStore(storage, TestModels.Seed, TimeProvider.System);
            await store.InitializeAsync(CancellationToken.None);
            using var stream = new MemoryStream();
            estate.WriteImportDocument(stream, 0, within, 0, 0);
            stream.Position = 0;
            await store.ApplyAsync(ImportDocumentReader.Read(stream), Actor.System, CancellationToken.None);
            using var sqliteState = new SqliteDiscoveryStateStore(storage, store);
            // Through the same timing wrappers as the measured runs: their code is jitted here, not inside the measured run.
            var (state, _) = DiscoveryTimedState.Wrap(sqliteState);
            var options = new DiscoveryOptions();
            options.BatchSize = Arg(args, "--batch", options.BatchSize);
            options.Sources["warmup"] = new DiscoverySourceOptions { Kind = "bench", Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromHours(1) };
            var factory = new RoundFactory();
            using var engine = new DiscoveryService(new MeasuredStore(store), state, factory, options, TimeProvider.System);
            for (var round = 1; round <= maxRounds; round++)
            {
                var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
                var jitTime = System.Runtime.JitInfo.GetCompilationTime();
                factory.Batch = Payload(estate, size, round, within, "warmup");
                var first = await engine.RunAsync("warmup", DiscoveryTrigger.Manual, CancellationToken.None);
                var again = await engine.RunAsync("warmup", DiscoveryTrigger.Manual, CancellationToken.None);
                if (first.Counts.Created + first.Counts.Updated != size || again.Counts.Unchanged != size)
                    throw new InvalidOperationException($"Warm-up round {round} did not reconcile as planned: {first.Counts} then {again.Counts}.");
                await JitQuietAsync();
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - jitted;
                rounds.Add($"{compiled:N0} methods jitted ({Report.Duration((System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalSeconds)})");
                if (compiled < QuietRound) break;
            }
        }

        Report.Line($"warm-up: {size:N0} items against {within:N0} CIs in a separate store, {rounds.Count} rounds " +
            $"(each a first run, created + updated {size:N0}, then unchanged {size:N0}): {string.Join(", ", rounds)}, in {Report.Duration(watch.Elapsed.TotalSeconds)}");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm", path + ".lock", path + "-search", path + "-search-wal", path + "-search-shm" }) File.Delete(f);
    }

    /// <summary>A warm-up round that jits fewer methods than this (of ~5,000 a cold round does) ends the warm-up.</summary>
    private const int QuietRound = 150;

    /// <summary>Waits until the background JIT has compiled nothing for half a second (at most 10 s).</summary>
    private static async Task JitQuietAsync()
    {
        var watch = Stopwatch.StartNew();
        var count = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(500);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now == count) return;
            count = now;
        }
    }

    /// <summary>Half the items match stored CIs among the first <paramref name="within"/> (two new attributes each), half are new.</summary>
    private static DiscoveryBatch Payload(SyntheticEstate estate, int size, int generation, int within, string keyPrefix)
    {
        var g = generation == 1 ? "" : $"g{generation}";
        var matched = Math.Min(size / 2, within);
        var step = Math.Max(1, within / matched);
        var items = new List<DiscoveredItem>(size);
        for (var k = 0; k < matched; k++)
        {
            var ci = estate.Ci(k * step % within);
            items.Add(new DiscoveredItem(ci.Class, ci.Name, new Dictionary<string, string> { [ci.Scheme] = ci.Value },
                new() { ["discovered"] = generation == 1 ? "yes" : g, ["rack"] = $"{g}r{k % 40}", ["engine"] = ci.Engine }) { Environment = ci.Environment });
        }

        for (var k = items.Count; k < size; k++)
        {
            items.Add(new DiscoveredItem(WellKnown.Classes.Application, $"discovered-app-{k}",
                new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"{keyPrefix}{g}:{k}" }, new() { ["rack"] = $"r{k % 40}" }));
        }

        var per = (items.Count + Scopes - 1) / Scopes;
        return new DiscoveryBatch([.. Enumerable.Range(0, Scopes).Select(s =>
            ScopeResult.Completed($"scope-{s}", items.Skip(s * per).Take(per).ToArray(), []))]);
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>
    /// The store as the engine sees it, timing the calls the engine makes (wall and the calling thread's CPU) and adding
    /// up the store's own split of each batch (its batch and statement threads, COMMIT, publish).
    /// </summary>
    private sealed class MeasuredStore(SqliteCmdbStore inner) : Cmdb.Domain.Storage.ICmdbStore
    {
        private readonly Dictionary<string, (int Calls, int Items, double Wall, double Cpu, long Allocated)> _calls = [];
        private double _batchThread, _statementThread, _searchThread, _searchCommit, _apply, _commit, _publish, _waited, _idle;
        private readonly Dictionary<string, (double First, double LastEnd)> _spans = []; // per call kind, for the timeline
        private Stopwatch _since = Stopwatch.StartNew();

        public ModelCatalog Model => inner.Model;

        public void Reset()
        {
            _calls.Clear();
            _spans.Clear();
            _since = Stopwatch.StartNew();
            _batchThread = _statementThread = _searchThread = _searchCommit = _apply = _commit = _publish = _waited = _idle = 0;
        }

        /// <summary>Each kind of call's first start and last end since <see cref="Reset"/>, in run order.</summary>
        public string Timeline(double runSeconds) =>
            string.Join(", ", _spans.OrderBy(s => s.Value.First).Select(s =>
                $"{s.Key} {Report.Duration(s.Value.First)} → {Report.Duration(s.Value.LastEnd)}")) + $", run returned {Report.Duration(runSeconds)}";

        public string Summary() =>
            string.Join(", ", _calls.Select(c => $"{c.Key} {c.Value.Calls}× {c.Value.Items:N0} items wall {Report.Duration(c.Value.Wall)} thread CPU {Report.Duration(c.Value.Cpu)} allocated {c.Value.Allocated / 1e6:N0} MB")) +
            $"; store batches: batch thread CPU {Report.Duration(_batchThread)}, statement thread CPU {Report.Duration(_statementThread)}, search thread CPU {Report.Duration(_searchThread)}, " +
            $"apply {Report.Duration(_apply)} (batch thread waited {Report.Duration(_waited)}, statement thread idle {Report.Duration(_idle)}), " +
            $"COMMIT {Report.Duration(_commit)}, search file COMMIT {Report.Duration(_searchCommit)}, publish {Report.Duration(_publish)}" +
            // Read by name: a build whose store has no such counter (an older one, compared against) prints nothing.
            (typeof(SqliteCmdbStore).GetProperty("CarriedReads", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
                ?.GetValue(inner) is long carried ? $"; updates merged onto discovery's read (store total) {carried:N0}" : "");

        private async Task<T> Timed<T>(string name, int items, Func<Task<T>> call)
        {
            var cpu = Cmdb.Storage.Sqlite.Internal.ThreadCpu.Seconds();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = _since.Elapsed.TotalSeconds;
            var watch = Stopwatch.StartNew();
            var result = await call();
            lock (_spans) _spans[name] = (_spans.TryGetValue(name, out var span) ? span.First : start, _since.Elapsed.TotalSeconds);
            // The store's calls complete synchronously, so this thread's CPU and allocations are the call's (not its statement thread's).
            var spent = Cmdb.Storage.Sqlite.Internal.ThreadCpu.Seconds() - cpu;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
            var (calls, count, wall, total, had) = _calls.GetValueOrDefault(name);
            lock (_calls) _calls[name] = (calls + 1, count + items, wall + watch.Elapsed.TotalSeconds, total + spent, had + allocated);
            return result;
        }

        public async Task<Cmdb.Domain.Storage.WriteResult> ApplyAsync(Cmdb.Domain.Storage.WriteBatch batch, Actor actor, CancellationToken cancellationToken)
        {
            var before = inner.LastBatchWall;
            var result = await Timed("apply", batch.Operations.Count, () => inner.ApplyAsync(batch, actor, cancellationToken));
            if (inner.LastBatchWall != before)
            {
                var (b, st) = inner.LastBatchCpu;
                var w = inner.LastBatchWall;
                (_batchThread, _statementThread) = (_batchThread + b, _statementThread + st);
                _searchThread += inner.LastSearchThread.Cpu;
                _searchCommit += inner.LastSearchThread.Commit;
                (_apply, _commit, _publish, _waited, _idle) = (_apply + w.Apply, _commit + w.Commit, _publish + w.Publish, _waited + w.BatchWaited, _idle + w.StatementIdle);
            }

            return result;
        }

        public Task<IReadOnlyDictionary<string, ConfigurationItem>> GetCisAsync(IReadOnlyCollection<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
            Timed("read CIs", ids.Count, () => inner.GetCisAsync(ids, asOf, cancellationToken));

        public Task<IReadOnlyDictionary<(string Scheme, string Value), string>> ResolveIdentifiersAsync(
            IReadOnlyCollection<(string Scheme, string Value)> identifiers, CancellationToken cancellationToken) =>
            Timed("resolve", identifiers.Count, () => inner.ResolveIdentifiersAsync(identifiers, cancellationToken));

        public Task<string?[]> ResolveEachAsync(IReadOnlyList<(string Scheme, string Value)> identifiers, CancellationToken cancellationToken) =>
            Timed("resolve", identifiers.Count, () => ((Cmdb.Domain.Storage.ICmdbStore)inner).ResolveEachAsync(identifiers, cancellationToken));

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public ValueTask<Cmdb.Domain.Graph.GraphIndex> GetGraphAsync(IReadOnlyCollection<string> startIds, CancellationToken cancellationToken) =>
            inner.GetGraphAsync(startIds, cancellationToken);

        public Task<IReadOnlyDictionary<string, CiHeader>> GetCiHeadersAsync(
            IReadOnlyCollection<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
            ((Cmdb.Domain.Storage.ICmdbStore)inner).GetCiHeadersAsync(ids, asOf, cancellationToken);

        public Task<ConfigurationItem?> FindByIdentifierAsync(string scheme, string value, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
            inner.FindByIdentifierAsync(scheme, value, asOf, cancellationToken);

        public Task<Cmdb.Domain.Storage.Page<ConfigurationItem>> QueryCisAsync(
            Cmdb.Domain.Storage.CiFilter filter, int first, string? after, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
            inner.QueryCisAsync(filter, first, after, asOf, cancellationToken);

        public Task<IReadOnlyList<Cmdb.Domain.Storage.SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken) =>
            inner.SearchAsync(text, first, cancellationToken);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<Cmdb.Domain.Relationships.Relationship>>> GetRelationshipsAsync(
            IReadOnlyCollection<string> ciIds, Cmdb.Domain.Relationships.Direction direction, IReadOnlyCollection<string>? types, DateTimeOffset? asOf,
            CancellationToken cancellationToken) =>
            inner.GetRelationshipsAsync(ciIds, direction, types, asOf, cancellationToken);

        public Task<Cmdb.Domain.Relationships.Relationship?> GetRelationshipAsync(string id, CancellationToken cancellationToken) =>
            inner.GetRelationshipAsync(id, cancellationToken);

        public Task<Cmdb.Domain.Storage.Page<Cmdb.Domain.History.AuditEntry>> GetHistoryAsync(string ciId, int first, string? after, CancellationToken cancellationToken) =>
            inner.GetHistoryAsync(ciId, first, after, cancellationToken);

        public Task<IReadOnlyList<Cmdb.Domain.History.CiAuditEntry>> GetAuditAsync(
            IReadOnlyCollection<string> ciIds, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
            ((Cmdb.Domain.Storage.ICmdbStore)inner).GetAuditAsync(ciIds, since, until, limit, cancellationToken);
    }

    /// <summary>The warm-up's source: each round reports the batch set for it.</summary>
    private sealed class RoundFactory : IDiscoverySourceFactory
    {
        public DiscoveryBatch Batch { get; set; } = new([]);

        public IDiscoverySource Create(string name, DiscoverySourceOptions options) => new Fixed(Batch);

        public IReadOnlyList<string> Check(string name, DiscoverySourceOptions options) => [];
    }

    private sealed class FixedFactory(DiscoveryBatch batch) : IDiscoverySourceFactory
    {
        public IDiscoverySource Create(string name, DiscoverySourceOptions options) => new Fixed(batch);

        public IReadOnlyList<string> Check(string name, DiscoverySourceOptions options) => [];
    }

    private sealed class Fixed(DiscoveryBatch batch) : IDiscoverySource
    {
        public string Kind => "bench";

        public Task<DiscoveryBatch> DiscoverAsync(CancellationToken cancellationToken) => Task.FromResult(batch);
    }
}
