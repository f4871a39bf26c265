using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

/// <summary>The paths a real run takes without the dry run's full merge and without hashing every CI id.</summary>
public sealed class ReconcileFastPathTests
{
    [Fact]
    public async Task RunAsync_ItemMovesToAnotherScope_NotCountedMissedInTheOld()
    {
        await using var f = new EngineFixture();
        f.Options.StaleAfterMissedRuns = 1;
        var moved = false;
        f.Source("scan", () => moved
            ? DiscoveryBatch.Of(Scope("a", Server("s1", serial: "S1")), Scope("b", Server("s3", serial: "S3"), Server("s2", serial: "S2")))
            : DiscoveryBatch.Of(Scope("a", Server("s1", serial: "S1"), Server("s2", serial: "S2")), Scope("b", Server("s3", serial: "S3"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        moved = true;

        var run = await f.RunAsync(engine, "scan");
        var again = await f.RunAsync(engine, "scan");

        Assert.Equal((0, 0, 3), (run.Counts.Stale, run.Counts.Retired, run.Counts.Unchanged));
        Assert.Equal((0, 0, 3), (again.Counts.Stale, again.Counts.Retired, again.Counts.Unchanged));
        Assert.Equal(CiStatus.Active, (await f.CiAsync("serial", "S2")).Status);
    }

    [Fact]
    public async Task RunAsync_UpdateBreaksModelRule_SameErrorAsDryRunAndCiUnchanged()
    {
        await using var f = new EngineFixture();
        JsonNode? engineValue = "pg";
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1",
            new DiscoveredItem(WellKnown.Classes.Database, "db", new Dictionary<string, string> { ["db.key"] = "k1" }, new JsonObject { ["engine"] = engineValue?.DeepClone() }),
            Server("ok", serial: "S1"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        var before = await f.CiAsync("db.key", "k1");
        engineValue = null;

        var diff = await engine.DryRunAsync("scan", CancellationToken.None);
        var run = await f.RunAsync(engine, "scan");

        var planned = Assert.Single(Assert.Single(diff.Scopes).Errors);
        Assert.Contains("needs the attribute 'engine'", planned, StringComparison.Ordinal);
        Assert.Equal((1, 0, 1), (run.Counts.Errors, run.Counts.Updated, run.Counts.Unchanged));
        Assert.Contains(planned, run.Error, StringComparison.Ordinal);
        Assert.Equal(before.Version, (await f.CiAsync("db.key", "k1")).Version);
    }

    [Fact]
    public async Task RunAsync_UnchangedRerunAfterPersonEditsCi_KeepsThePersonsValueAndWritesNothing()
    {
        await using var f = new EngineFixture();
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "S1", os: "linux"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        var a = await f.CiAsync("serial", "S1");
        await f.Store.ApplyAsync(Domain.Storage.WriteBatch.Of(new Domain.Storage.UpsertCi(a.Id, a.Class, new CiFields { Owner = "team-x" })),
            new Actor(ActorKind.User, "alice"), CancellationToken.None);
        var edited = await f.CiAsync("serial", "S1");

        var run = await f.RunAsync(engine, "scan");

        Assert.Equal((1, 0, 0), (run.Counts.Unchanged, run.Counts.Updated, run.Counts.Errors));
        Assert.Equal((edited.Version, "team-x"), ((await f.CiAsync("serial", "S1")).Version, (await f.CiAsync("serial", "S1")).Owner));
    }
}
