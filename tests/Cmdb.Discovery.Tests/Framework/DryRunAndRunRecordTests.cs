using Cmdb.Discovery.Contract;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Options;
using Cmdb.Discovery.Tests.Support;
using Cmdb.Domain.Items;
using Microsoft.Extensions.Configuration;
using Xunit;
using static Cmdb.Discovery.Tests.Framework.EngineFixture;

namespace Cmdb.Discovery.Tests.Framework;

public sealed class DryRunAndRunRecordTests
{
    [Fact]
    public async Task DryRunAsync_ChangesPending_ListsRulePerFieldAndWritesNothing()
    {
        await using var f = new EngineFixture();
        f.Options.StaleAfterMissedRuns = 1;
        var second = false;
        f.Source("scan", () => second
            ? DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A", os: "linux-2"), Server("c", serial: "C")))
            : DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A", os: "linux"), Server("b", serial: "B"))));
        var engine = await f.EngineAsync();
        await f.RunAsync(engine, "scan");
        second = true;
        var a = await f.CiAsync("serial", "A");
        var sightings = await f.State.GetSightingsAsync("scan", CancellationToken.None);
        var runs = (await engine.GetRunsAsync("scan", 10, null, CancellationToken.None)).TotalCount;

        var diff = await engine.DryRunAsync("scan", CancellationToken.None);

        var create = Assert.Single(diff.Creates);
        Assert.Equal("c", create.Name);
        var change = Assert.Single(Assert.Single(diff.Updates).Changes);
        Assert.Equal(("attributes.os", "\"linux\"", "\"linux-2\"", true), (change.Field, change.Before, change.After, change.Applied));
        Assert.Contains("this source", change.Rule, StringComparison.Ordinal);
        var retirement = Assert.Single(diff.Retirements);
        Assert.Equal(("b", true), (retirement.Name, retirement.Retire));
        Assert.Equal(a.Version, (await f.CiAsync("serial", "A")).Version);
        Assert.Null(await f.Store.FindByIdentifierAsync("serial", "C", null, CancellationToken.None));
        Assert.Equal(sightings, await f.State.GetSightingsAsync("scan", CancellationToken.None));
        Assert.Equal(runs, (await engine.GetRunsAsync("scan", 10, null, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task RunAsync_RunLeftRunningByACrashedProcess_IsClosedAsFailedWhenTheNextRunStarts()
    {
        await using var f = new EngineFixture();
        var crashed = await f.EngineAsync();
        var release = new TaskCompletionSource<DiscoveryBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Source("scan", _ =>
        {
            started.TrySetResult();
            return release.Task;
        });
        var orphan = crashed.RunAsync("scan", DiscoveryTrigger.Schedule, CancellationToken.None); // never finishes: the process "dies"
        await started.Task;
        var orphanId = Assert.Single((await crashed.GetRunsAsync("scan", 10, null, CancellationToken.None)).Items).Node.Id;
        f.Source("scan", () => DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"))));
        var restarted = await f.EngineAsync();

        var next = await restarted.RunAsync("scan", DiscoveryTrigger.Schedule, CancellationToken.None);

        var closed = await restarted.GetRunAsync(orphanId, CancellationToken.None);
        Assert.Equal(DiscoveryRunStatus.Failed, closed!.Status);
        Assert.NotNull(closed.EndedAt);
        Assert.Contains("Interrupted", closed.Error, StringComparison.Ordinal);
        Assert.Equal(DiscoveryRunStatus.Succeeded, next.Status);
        Assert.False(orphan.IsCompleted);
        release.SetResult(DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A")))); // let the orphan end before the fixture goes
        await orphan;
    }

    [Fact]
    public async Task RunAsync_SecondRunWhileFirstRuns_IsRecordedAsSkipped()
    {
        await using var f = new EngineFixture();
        var release = new TaskCompletionSource<DiscoveryBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Source("scan", _ =>
        {
            started.TrySetResult();
            return release.Task;
        });
        var engine = await f.EngineAsync();

        var first = engine.RunAsync("scan", DiscoveryTrigger.Schedule, CancellationToken.None);
        await started.Task;
        var skipped = await engine.RunAsync("scan", DiscoveryTrigger.Manual, CancellationToken.None);
        release.SetResult(DiscoveryBatch.Of(Scope("dc1", Server("a", serial: "A"))));
        var done = await first;

        Assert.Equal(DiscoveryRunStatus.Skipped, skipped.Status);
        Assert.Equal(DiscoveryRunStatus.Succeeded, done.Status);
        var last = await engine.GetLastRunsAsync(CancellationToken.None);
        Assert.Contains(last["scan"].Id, new[] { skipped.Id, done.Id });
        Assert.Equal(2, (await engine.GetRunsAsync(null, 10, null, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task RunAsync_RealComposeSource_LoadsThenRerunIsUnchanged()
    {
        await using var f = new EngineFixture();
        f.Options.Sources["shop"] = ComposeSource(TestData.PathOf("Compose", "shop", "docker-compose.yml"));
        var engine = await f.EngineAsync();

        var first = await f.RunAsync(engine, "shop");
        var second = await f.RunAsync(engine, "shop");

        Assert.Equal(DiscoveryRunStatus.Succeeded, first.Status);
        Assert.True(first.Counts.Created > 0);
        Assert.Equal((first.Counts.Discovered, 0, 0), (second.Counts.Unchanged, second.Counts.Created, second.Counts.Updated));
        Assert.Equal("compose", first.Kind);
    }

    [Fact]
    public async Task RunAsync_MalformedComposeFile_FailsWithClearErrorAndWritesNothing()
    {
        await using var f = new EngineFixture();
        f.Options.Sources["bad"] = ComposeSource(TestData.PathOf("Compose", "malformed.yml"));
        var engine = await f.EngineAsync();

        var run = await f.RunAsync(engine, "bad");

        Assert.Equal(DiscoveryRunStatus.Failed, run.Status);
        Assert.Contains("malformed.yml", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, await f.CiCountAsync());
        Assert.Equal(run, await engine.GetRunAsync(run.Id, CancellationToken.None), RunComparer.Instance);
    }

    private static DiscoverySourceOptions ComposeSource(string path) => new()
    {
        Kind = SourceKinds.Compose,
        Interval = TimeSpan.FromHours(1),
        Settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["s:Files:0:Path"] = path }).Build().GetSection("s"),
    };

    private sealed class RunComparer : IEqualityComparer<DiscoveryRun?>
    {
        public static readonly RunComparer Instance = new();

        public bool Equals(DiscoveryRun? x, DiscoveryRun? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Status == y.Status && x.Counts == y.Counts && x.Error == y.Error &&
            x.Scopes.Count == y.Scopes.Count;

        public int GetHashCode(DiscoveryRun? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
