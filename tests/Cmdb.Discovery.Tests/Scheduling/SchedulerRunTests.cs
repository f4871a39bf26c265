using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Scheduling;
using Cmdb.Domain.Import;
using Cmdb.Domain.Items;
using Cmdb.Testing.Synthetic;
using Quartz;
using Xunit;

namespace Cmdb.Discovery.Tests.Scheduling;

/// <summary>How the job runs a source: one at a time, under its timeout, retried with backoff when the failure may pass.</summary>
public sealed class SchedulerRunTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Cmdb:Discovery:RetryDelay"] = "00:00:00.100",
        ["Cmdb:Discovery:MaxRetryDelay"] = "00:00:01",
        ["Cmdb:Discovery:Sources:flaky:Retries"] = "2",
        ["Cmdb:Discovery:Sources:broken:Retries"] = "2",
        ["Cmdb:Discovery:Sources:slow:Retries"] = "0",
    };

    [Fact]
    public async Task TriggerAsync_ManyAtOnce_NeverRunsOneSourceTwiceAtATime()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("slow", enabled: false))
        {
            Body = async (source, trigger, ct) =>
            {
                await Task.Delay(150, ct);
                return FakeDiscoveryService.Run(source, trigger, DiscoveryRunStatus.Succeeded);
            },
        };
        await using var host = await SchedulerHarness.StartAsync(db.Path, discovery, FastRetries);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Scheduler.TriggerAsync("slow", default)));

        Assert.All(runs, r => Assert.Equal(DiscoveryRunStatus.Succeeded, r.Status));
        Assert.Equal(4, runs.Select(r => r.Id).Distinct().Count());
        Assert.Equal(4, discovery.Calls.Count);
        Assert.Equal(1, discovery.MaxConcurrent);
    }

    [Fact]
    public async Task Run_EngineRecordsTheTimeout_ReturnsFailedRun()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("slow", enabled: false, timeout: TimeSpan.FromMilliseconds(200)))
        {
            Body = async (source, trigger, ct) =>
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                    throw new InvalidOperationException("unreachable");
                }
                catch (OperationCanceledException)
                {
                    return FakeDiscoveryService.Run(source, trigger, DiscoveryRunStatus.Failed, "timed out after 00:00:00.2");
                }
            },
        };
        await using var host = await SchedulerHarness.StartAsync(db.Path, discovery, FastRetries);

        var run = await host.Scheduler.TriggerAsync("slow", default);

        Assert.Equal(DiscoveryRunStatus.Failed, run.Status);
        Assert.Single(discovery.Calls);
    }

    [Fact]
    public async Task Run_EngineLetsTheCancellationEscape_FailsWithTimeout()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("slow", enabled: false, timeout: TimeSpan.FromMilliseconds(200)))
        {
            Body = async (source, trigger, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            },
        };
        await using var host = await SchedulerHarness.StartAsync(db.Path, discovery, FastRetries);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => host.Scheduler.TriggerAsync("slow", default));

        Assert.Contains("'slow' timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TransientFailure_IsRetriedWithOneShotTriggersUpToRetries()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("flaky", enabled: false))
        {
            Body = (source, trigger, _) => Task.FromResult(FakeDiscoveryService.Run(source, trigger, DiscoveryRunStatus.Failed, "I/O error: the state file is being replaced")),
        };
        await using var host = await SchedulerHarness.StartAsync(db.Path, discovery, FastRetries);

        var run = await host.Scheduler.TriggerAsync("flaky", default);
        var quartz = await host.QuartzAsync();
        var pendingRetries = await quartz.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("cmdb-discovery-retry"));

        Assert.Equal(DiscoveryRunStatus.Failed, run.Status);
        Assert.Single(pendingRetries);
        await Eventually.TrueAsync(() => discovery.Calls.Count >= 3, "two retries follow the manual run");
        await Eventually.TrueAsync(
            () => quartz.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("cmdb-discovery-retry")).AsTask().Result.Count == 0,
            "no retry is left after the last one");
        Assert.Equal([DiscoveryTrigger.Manual, DiscoveryTrigger.Retry, DiscoveryTrigger.Retry], discovery.Calls.Select(c => c.Trigger));
    }

    [Fact]
    public async Task Run_PermanentFailure_IsNotRetried()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("broken", enabled: false))
        {
            Body = (source, trigger, _) => Task.FromResult(FakeDiscoveryService.Run(source, trigger, DiscoveryRunStatus.Failed, "prod.tfstate: line 3: unexpected token")),
        };
        await using var host = await SchedulerHarness.StartAsync(db.Path, discovery, FastRetries);

        await host.Scheduler.TriggerAsync("broken", default);
        var quartz = await host.QuartzAsync();

        Assert.Empty(await quartz.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("cmdb-discovery-retry")));
        Assert.Single(discovery.Calls);
    }

    [Fact]
    public async Task QuartzAndStoreWriter_ShareTheFile_NeitherFails()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("quick", enabled: false));
        await using var host = await SchedulerHarness.StartAsync(db.Path, discovery, FastRetries);
        var estate = SyntheticEstate.Generate(5_000, seed: 7);
        using var document = new MemoryStream();
        estate.WriteImportDocument(document);
        document.Position = 0;
        var batch = ImportDocumentReader.Read(document);

        var import = host.Store.ApplyAsync(batch, Actor.System, CancellationToken.None);
        var runs = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.Scheduler.TriggerAsync("quick", default)));
        var result = await import;

        Assert.All(runs, r => Assert.Equal(DiscoveryRunStatus.Succeeded, r.Status));
        Assert.True(result.Count(Cmdb.Domain.Storage.WriteOutcome.Created) >= 5_000, "the import committed");
    }
}
