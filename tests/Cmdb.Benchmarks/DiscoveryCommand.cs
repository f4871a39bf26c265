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
        foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) File.Delete(f);
        var storage = new SqliteStorageOptions { DatabasePath = dbPath };
        await using var store = new SqliteCmdbStore(storage, TestModels.Seed, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < estate.CiCount; start += 50_000)
        {
            using var stream = new MemoryStream();
            estate.WriteImportDocument(stream, start, Math.Min(50_000, estate.CiCount - start), 0, 0);
            stream.Position = 0;
            await store.ApplyAsync(ImportDocumentReader.Read(stream), Actor.System, CancellationToken.None);
        }

        Report.Line($"store loaded: {estate.CiCount:N0} CIs in {Report.Duration(watch.Elapsed.TotalSeconds)}");
        var batch = Payload(estate, payloadSize);
        ProcessMemory.ManagedAfterFullCollection();

        using var state = new SqliteDiscoveryStateStore(storage, store);
        var options = new DiscoveryOptions();
        options.Sources["bench"] = new DiscoverySourceOptions { Kind = "bench", Interval = TimeSpan.FromHours(1), Timeout = TimeSpan.FromHours(1) };
        using var engine = new DiscoveryService(store, state, new FixedFactory(batch), options, TimeProvider.System);
        await Measure(engine, "first run (creates + updates, audit + provenance)", r => r.Counts.Created + r.Counts.Updated);
        await Measure(engine, "unchanged re-run (no CI writes, sighting bookkeeping only)", r => r.Counts.Unchanged);
        await Measure(engine, "unchanged re-run again", r => r.Counts.Unchanged);
    }

    private static async Task Measure(DiscoveryService engine, string label, Func<DiscoveryRun, int> written)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var run = await engine.RunAsync("bench", DiscoveryTrigger.Manual, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var c = run.Counts;
        // CPU time is reported too: on a shared, loaded machine wall time mostly measures the queue for a core.
        Report.Line($"{label}: {run.Status}, {c.Discovered:N0} items in {Report.Duration(seconds)} = {Report.Rate(c.Discovered / seconds)} wall; " +
            $"process CPU {Report.Duration(cpuSeconds)} = {Report.Rate(c.Discovered / cpuSeconds)} per CPU-second " +
            $"({written(run):N0} counted: created {c.Created:N0}, updated {c.Updated:N0}, unchanged {c.Unchanged:N0}, conflicts {c.Conflicts}, errors {c.Errors})");
        Report.Line("  phases (wall): " + string.Join(", ", engine.LastPhases.Select(p => $"{p.Phase} {Report.Duration(p.Seconds)}")));
        if (run.Error is not null) Report.Line("  error: " + run.Error.Split('\n')[0]);
    }

    private static DiscoveryBatch Payload(SyntheticEstate estate, int size)
    {
        var matched = Math.Min(size / 2, estate.CiCount);
        var step = Math.Max(1, estate.CiCount / matched);
        var items = new List<DiscoveredItem>(size);
        for (var k = 0; k < matched; k++)
        {
            var ci = estate.Ci(k * step % estate.CiCount);
            items.Add(new DiscoveredItem(ci.Class, ci.Name, new Dictionary<string, string> { [ci.Scheme] = ci.Value },
                new() { ["discovered"] = "yes", ["rack"] = $"r{k % 40}", ["engine"] = ci.Engine }) { Environment = ci.Environment });
        }

        for (var k = items.Count; k < size; k++)
        {
            items.Add(new DiscoveredItem(WellKnown.Classes.Application, $"discovered-app-{k}",
                new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"disc:{k}" }, new() { ["rack"] = $"r{k % 40}" }));
        }

        var per = (items.Count + Scopes - 1) / Scopes;
        return new DiscoveryBatch([.. Enumerable.Range(0, Scopes).Select(s =>
            ScopeResult.Completed($"scope-{s}", items.Skip(s * per).Take(per).ToArray(), []))]);
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
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
