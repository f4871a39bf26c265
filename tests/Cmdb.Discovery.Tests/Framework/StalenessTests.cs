using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Domain.Items;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Model;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

public sealed class StalenessTests
{
    private static readonly DiscoveredRelationship AtoB =
        new(WellKnown.RelationshipTypes.DependsOn, new DiscoveredRef("serial", "A"), new DiscoveredRef("serial", "B"));

    [Fact]
    public async Task RunAsync_ItemMissedByKCompleteRuns_StaleThenRetiredWithRelationshipsKept()
    {
        await using var f = new EngineFixture();
        var withB = true;
        f.Source("scan", () => withB
            ? DiscoveryBatch.Of(ScopeResult.Completed("dc1", [Server("a", serial: "A"), Server("b", serial: "B")], [AtoB]))
            : DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        withB = false;

        var r1 = await f.RunAsync(engine, "scan");
        var r2 = await f.RunAsync(engine, "scan");
        var afterTwo = await f.CiAsync("serial", "B");
        var r3 = await f.RunAsync(engine, "scan");

        Assert.Equal((1, 0), (r1.Counts.Stale, r1.Counts.Retired));
        Assert.Equal((1, 0), (r2.Counts.Stale, r2.Counts.Retired));
        Assert.Equal(CiStatus.Active, afterTwo.Status);
        Assert.Equal(1, r3.Counts.Retired);
        var b = await f.CiAsync("serial", "B");
        Assert.Equal(CiStatus.Retired, b.Status);
        Assert.Equal("discovery:scan", b.Provenance["status"].Source);
        Assert.Single((await f.Store.GetRelationshipsAsync([b.Id], Direction.Incoming, null, null, CancellationToken.None))[b.Id]);
    }

    [Fact]
    public async Task RunAsync_RetiredItemReappears_ComesBackAsTheSameCi()
    {
        await using var f = new EngineFixture();
        f.Options.StaleAfterMissedRuns = 1;
        var withB = true;
        f.Source("scan", () => withB ? DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"), Server("b", serial: "B"))) : DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        var id = (await f.CiAsync("serial", "B")).Id;
        withB = false;
        await f.RunAsync(engine, "scan");
        withB = true;

        var back = await f.RunAsync(engine, "scan");

        var b = await f.CiAsync("serial", "B");
        Assert.Equal((id, CiStatus.Active), (b.Id, b.Status));
        Assert.Equal(1, back.Counts.Updated);
        Assert.Equal(2, await f.CiCountAsync());
    }

    [Fact]
    public async Task RunAsync_MissedAndOlderThanRetireAfter_RetiredByAge()
    {
        await using var f = new EngineFixture();
        f.Options.StaleAfterMissedRuns = 100;
        f.Options.RetireAfter = TimeSpan.FromDays(30);
        var withB = true;
        f.Source("scan", () => withB ? DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"), Server("b", serial: "B"))) : DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        withB = false;
        var early = await f.RunAsync(engine, "scan");
        f.Time.Advance(TimeSpan.FromDays(31));

        var late = await f.RunAsync(engine, "scan");

        Assert.Equal(0, early.Counts.Retired);
        Assert.Equal(1, late.Counts.Retired);
        Assert.Equal(CiStatus.Retired, (await f.CiAsync("serial", "B")).Status);
    }

    [Fact]
    public async Task RunAsync_FailedTimedOutAndPartialRuns_RetireNothingInIncompleteScopes()
    {
        await using var f = new EngineFixture();
        f.Options.StaleAfterMissedRuns = 1;
        var mode = "full";
        f.Source("scan", async ct =>
        {
            switch (mode)
            {
                case "fail": throw new IOException("disk unreadable");
                case "hang": await Task.Delay(Timeout.Infinite, ct); break;
            }

            return mode == "partial"
                ? DiscoveryBatch.Of(ScopeResult.Failed("dc1", "dc1.json: truncated"), Scope("dc2", Server("c", serial: "C")))
                : DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"), Server("b", serial: "B")), Scope("dc2", Server("c", serial: "C")));
        }, timeout: TimeSpan.FromMilliseconds(300));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");

        mode = "fail";
        var failed = await f.RunAsync(engine, "scan");
        mode = "hang";
        var timedOut = await f.RunAsync(engine, "scan");
        mode = "partial";
        var partial = await f.RunAsync(engine, "scan");

        Assert.Equal(DiscoveryRunStatus.Failed, failed.Status);
        Assert.Contains("disk unreadable", failed.Error, StringComparison.Ordinal);
        Assert.Equal(DiscoveryRunStatus.Failed, timedOut.Status);
        Assert.Contains("Timed out", timedOut.Error, StringComparison.Ordinal);
        Assert.Equal(DiscoveryRunStatus.Partial, partial.Status);
        Assert.Equal((0, 0), (partial.Counts.Retired, partial.Counts.Stale));
        Assert.Equal(CiStatus.Active, (await f.CiAsync("serial", "A")).Status);
        Assert.Equal(CiStatus.Active, (await f.CiAsync("serial", "B")).Status);
        var sightings = await f.State.GetSightingsAsync("scan", CancellationToken.None);
        Assert.All(sightings, s => Assert.Equal(0, s.Missed));
    }

    [Fact]
    public async Task RunAsync_RelationshipNoLongerReportedWhileBothEndsAre_RemovedAfterKMisses()
    {
        await using var f = new EngineFixture();
        f.Options.StaleAfterMissedRuns = 2;
        var withEdge = true;
        f.Source("scan", () => DiscoveryBatch.Of(ScopeResult.Completed("dc1", [Server("a", serial: "A"), Server("b", serial: "B")], withEdge ? [AtoB] : [])));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        var a = (await f.CiAsync("serial", "A")).Id;
        withEdge = false;

        await f.RunAsync(engine, "scan");
        var afterOne = (await f.Store.GetRelationshipsAsync([a], Direction.Outgoing, null, null, CancellationToken.None))[a];
        await f.RunAsync(engine, "scan");
        var afterTwo = (await f.Store.GetRelationshipsAsync([a], Direction.Outgoing, null, null, CancellationToken.None)).GetValueOrDefault(a) ?? [];

        Assert.Single(afterOne);
        Assert.Empty(afterTwo);
        Assert.Empty(await f.State.GetRelationshipSightingsAsync("scan", CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_CancelledByHost_RecordsFailedRunAndRethrows()
    {
        await using var f = new EngineFixture();
        f.Source("scan", async ct =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return DiscoveryBatch.Of();
        });
        var engine = await f.EngineAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunAsync("scan", DiscoveryTrigger.Schedule, stop.Token));

        var run = Assert.Single((await engine.GetRunsAsync("scan", 10, null, CancellationToken.None)).Items).Node;
        Assert.Equal(DiscoveryRunStatus.Failed, run.Status);
        Assert.Contains("Cancelled while reading the source", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was written or retired", run.Error, StringComparison.Ordinal);
    }
}
