using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

public sealed class ReconciliationTests
{
    [Fact]
    public async Task RunAsync_NewThenSameItems_CreatesOnceAndRerunWritesNothing()
    {
        await using var f = new EngineFixture();
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "S1", os: "linux"), Server("b", fqdn: "b.example"))));
        var engine = await f.EngineAsync();

        var first = await f.RunAsync(engine, "scan");
        var a = await f.CiAsync("serial", "S1");
        var history = await f.HistoryCountAsync(a.Id);
        var second = await f.RunAsync(engine, "scan");

        Assert.Equal(DiscoveryRunStatus.Succeeded, first.Status);
        Assert.Equal((2, 2, 0), (first.Counts.Discovered, first.Counts.Created, first.Counts.Unchanged));
        Assert.Equal((2, 0, 0), (second.Counts.Unchanged, second.Counts.Created, second.Counts.Updated));
        Assert.Equal(a.Version, (await f.CiAsync("serial", "S1")).Version);
        Assert.Equal(history, await f.HistoryCountAsync(a.Id));
        Assert.Equal("discovery:scan", a.Provenance["attributes.os"].Source);
        var sources = await f.State.GetSourcesAsync([a.Id], CancellationToken.None);
        var sighting = Assert.Single(sources[a.Id]);
        Assert.Equal("scan", sighting.Source);
        Assert.True(sighting.LastSeen > sighting.FirstSeen);
    }

    [Fact]
    public async Task RunAsync_ItemCarriesSeveralIdentifiers_MatchesByEachInRuleOrder()
    {
        await using var f = new EngineFixture();
        await f.Store.InitializeAsync(CancellationToken.None);
        await f.Store.ApplyAsync(WriteBatch.Of(
            new UpsertCi(null, WellKnown.Classes.LinuxServer, new CiFields { Name = "by-serial", Identifiers = new Dictionary<string, string> { ["serial"] = "S1" } }),
            new UpsertCi(null, WellKnown.Classes.LinuxServer, new CiFields { Name = "by-fqdn", Identifiers = new Dictionary<string, string> { ["fqdn"] = "f.example" } })),
            Actor.System, CancellationToken.None);
        var bySerial = await f.CiAsync("serial", "S1");
        var byFqdn = await f.CiAsync("fqdn", "f.example");
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1",
            Server("x", serial: "S1", os: "linux"),               // serial: the rule's first set
            Server("y", serial: "S-unknown", fqdn: "f.example", os: "bsd")))); // no serial holder, so fqdn decides
        var engine = await f.EngineAsync();

        var run = await f.RunAsync(engine, "scan");

        Assert.Equal((0, 2), (run.Counts.Created, run.Counts.Updated));
        Assert.Equal("linux", (await f.CiAsync("serial", "S1")).Attributes["os"]!.GetValue<string>());
        var y = await f.CiAsync("fqdn", "f.example");
        Assert.Equal(byFqdn.Id, y.Id);
        Assert.Equal("S-unknown", y.Identifiers["serial"]);
        Assert.Equal(bySerial.Id, (await f.CiAsync("serial", "S1")).Id);
        Assert.Equal(2, await f.CiCountAsync());
    }

    [Fact]
    public async Task RunAsync_ItemMatchesTwoCis_RecordsConflictAndWritesNothingForIt()
    {
        await using var f = new EngineFixture();
        await f.Store.InitializeAsync(CancellationToken.None);
        await f.Store.ApplyAsync(WriteBatch.Of(
            new UpsertCi(null, WellKnown.Classes.LinuxServer, new CiFields { Name = "one", Identifiers = new Dictionary<string, string> { ["serial"] = "S1" } }),
            new UpsertCi(null, WellKnown.Classes.LinuxServer, new CiFields { Name = "two", Identifiers = new Dictionary<string, string> { ["fqdn"] = "two.example" } })),
            Actor.System, CancellationToken.None);
        var one = await f.CiAsync("serial", "S1");
        var two = await f.CiAsync("fqdn", "two.example");
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1", Server("both", serial: "S1", fqdn: "two.example", os: "linux"), Server("other", serial: "S9"))));
        var engine = await f.EngineAsync();

        var run = await f.RunAsync(engine, "scan");

        Assert.Equal(DiscoveryRunStatus.Succeeded, run.Status);
        Assert.Equal((1, 1), (run.Counts.Conflicts, run.Counts.Created));
        Assert.Equal(one.Version, (await f.CiAsync("serial", "S1")).Version);
        Assert.Equal(two.Version, (await f.CiAsync("fqdn", "two.example")).Version);
        var conflict = Assert.Single((await engine.GetConflictsAsync("scan", 10, null, CancellationToken.None)).Items).Node;
        Assert.Equal(run.Id, conflict.RunId);
        Assert.Equal(new[] { one.Id, two.Id }.Order(), conflict.CandidateCiIds.Order());
        Assert.Equal(3, await f.CiCountAsync());
    }

    [Fact]
    public async Task RunAsync_UnknownSource_IsNotFound()
    {
        await using var f = new EngineFixture();
        var engine = await f.EngineAsync();

        var e = await Assert.ThrowsAsync<Domain.Errors.CmdbException>(() => engine.RunAsync("nope", DiscoveryTrigger.Manual, CancellationToken.None));

        Assert.Equal(Domain.Errors.ErrorCode.NotFound, e.Code);
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ItemBreaksModelRules_RecordsErrorAndWritesTheOthers()
    {
        await using var f = new EngineFixture();
        var bad = new DiscoveredItem(WellKnown.Classes.Database, "no-engine", new Dictionary<string, string> { ["db.key"] = "k1" });
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1", bad, Server("ok", serial: "S1"))));
        var engine = await f.EngineAsync();

        var run = await f.RunAsync(engine, "scan");

        Assert.Equal((1, 1), (run.Counts.Created, run.Counts.Errors));
        Assert.Contains("engine", run.Error, StringComparison.Ordinal);
        Assert.Null(await f.Store.FindByIdentifierAsync("db.key", "k1", null, CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_Relationships_WrittenOnceAndKeptWhileReported()
    {
        await using var f = new EngineFixture();
        var rel = new DiscoveredRelationship(WellKnown.RelationshipTypes.DependsOn, new DiscoveredRef("serial", "A"), new DiscoveredRef("serial", "B"));
        f.Source("scan", () => DiscoveryBatch.Of(ScopeResult.Completed("dc1", [Server("a", serial: "A"), Server("b", serial: "B")], [rel])));
        var engine = await f.EngineAsync();

        await f.RunAsync(engine, "scan");
        var a = await f.CiAsync("serial", "A");
        var history = await f.HistoryCountAsync(a.Id);
        await f.RunAsync(engine, "scan");

        var out1 = (await f.Store.GetRelationshipsAsync([a.Id], Domain.Relationships.Direction.Outgoing, null, null, CancellationToken.None))[a.Id];
        Assert.Single(out1);
        Assert.Equal(history, await f.HistoryCountAsync(a.Id));
    }
}
