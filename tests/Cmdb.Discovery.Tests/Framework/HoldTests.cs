using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

public sealed class HoldTests
{
    private static readonly Actor Admin = new(ActorKind.User, "admin");

    private static async Task<(EngineFixture F, Cmdb.Discovery.Framework.Engine.DiscoveryService Engine, DiscoveryRun Held)> HeldRunAsync()
    {
        var f = new EngineFixture();
        f.Options.StaleAfterMissedRuns = 1;
        var count = 100;
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1", [.. Enumerable.Range(0, count).Select(i => Server($"h{i}", serial: $"S{i}"))])));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        count = 10; // 90 % smaller
        return (f, engine, await f.RunAsync(engine, "scan"));
    }

    [Fact]
    public async Task RunAsync_NinetyPercentSmallerRun_IsHeldAndRetiresNothing()
    {
        var (f, _, held) = await HeldRunAsync();
        await using var _f = f;

        Assert.Equal((HoldState.Pending, 90, 0), (held.Hold, held.HeldRetirements, held.Counts.Retired));
        Assert.Equal(CiStatus.Active, (await f.CiAsync("serial", "S50")).Status);
    }

    [Fact]
    public async Task ApproveHeldRunAsync_HeldRun_RetiresUnderTheApprover()
    {
        var (f, engine, held) = await HeldRunAsync();
        await using var _f = f;

        var approved = await engine.ApproveHeldRunAsync(held.Id, Admin, CancellationToken.None);

        Assert.Equal((HoldState.Approved, 90), (approved.Hold, approved.Counts.Retired));
        var ci = await f.CiAsync("serial", "S50");
        Assert.Equal(CiStatus.Retired, ci.Status);
        Assert.Equal("user:admin", ci.Provenance["status"].Source);
        Assert.Equal(CiStatus.Active, (await f.CiAsync("serial", "S5")).Status);
        var again = await Assert.ThrowsAsync<CmdbException>(() => engine.ApproveHeldRunAsync(held.Id, Admin, CancellationToken.None));
        Assert.Equal(ErrorCode.Conflict, again.Code);
    }

    [Fact]
    public async Task RejectHeldRunAsync_HeldRun_RetiresNothingAndResetsMisses()
    {
        var (f, engine, held) = await HeldRunAsync();
        await using var _f = f;

        var rejected = await engine.RejectHeldRunAsync(held.Id, Admin, "collector lost half the VLANs", CancellationToken.None);

        Assert.Equal(HoldState.Rejected, rejected.Hold);
        Assert.Contains("collector lost half the VLANs", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(CiStatus.Active, (await f.CiAsync("serial", "S50")).Status);
        Assert.All(await f.State.GetSightingsAsync("scan", CancellationToken.None), s => Assert.Equal(0, s.Missed));
        Assert.Equal(HoldState.Rejected, (await engine.GetRunAsync(held.Id, CancellationToken.None))!.Hold);
    }

    [Fact]
    public async Task ApproveHeldRunAsync_RunNotHeld_IsConflict()
    {
        await using var f = new EngineFixture();
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"))));
        var engine = await f.EngineAsync();
        var run = await f.RunAsync(engine, "scan");

        var e = await Assert.ThrowsAsync<CmdbException>(() => engine.ApproveHeldRunAsync(run.Id, Admin, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<CmdbException>(() => engine.RejectHeldRunAsync("01NOPE", Admin, null, CancellationToken.None));

        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Contains("not held", e.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.NotFound, missing.Code);
    }
}
