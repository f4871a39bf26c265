using Cmdb.Discovery.Scheduling;
using Quartz;
using Xunit;

namespace Cmdb.Discovery.Tests.Scheduling;

/// <summary>The job store lives in the store's SQLite file: schedules, next fire times and pauses survive a restart.</summary>
public sealed class SchedulerRestartTests
{
    [Fact]
    public async Task Restart_SameConfiguration_KeepsNextFireTimeAndPausedState()
    {
        using var db = new TempDatabase();
        var hourly = FakeDiscoveryService.Source("hourly", interval: TimeSpan.FromHours(1));
        var nightly = FakeDiscoveryService.Source("nightly", cron: "0 0 3 * * ?");
        var first = new FakeDiscoveryService(hourly, nightly);
        DateTimeOffset? next;
        await using (var host = await SchedulerHarness.StartAsync(db.Path, first))
        {
            await Eventually.TrueAsync(() => first.Calls.Count == 1, "an interval source runs once at start-up");
            next = (await host.Scheduler.GetScheduleAsync("hourly", default)).NextRunAt;
            await host.Scheduler.PauseAsync("nightly", default);
        }

        var second = new FakeDiscoveryService(hourly, nightly);
        await using (var host = await SchedulerHarness.StartAsync(db.Path, second))
        {
            var hourlyAfter = await host.Scheduler.GetScheduleAsync("hourly", default);
            Assert.Equal(DiscoveryScheduleState.Scheduled, hourlyAfter.State);
            Assert.NotNull(next);
            Assert.Equal(next, hourlyAfter.NextRunAt);
            Assert.Equal(DiscoveryScheduleState.Paused, (await host.Scheduler.GetScheduleAsync("nightly", default)).State);
            Assert.DoesNotContain(second.Calls, c => c.Source == "hourly");

            var resumed = await host.Scheduler.ResumeAsync("nightly", default);
            Assert.Equal(DiscoveryScheduleState.Scheduled, resumed.State);
        }
    }

    [Fact]
    public async Task Restart_ChangedConfiguration_ReschedulesRemovesAndUnschedules()
    {
        using var db = new TempDatabase();
        await using (var host = await SchedulerHarness.StartAsync(db.Path, new FakeDiscoveryService(
            FakeDiscoveryService.Source("a", cron: "0 0 3 * * ?"),
            FakeDiscoveryService.Source("b", cron: "0 0 4 * * ?"),
            FakeDiscoveryService.Source("c", cron: "0 0 5 * * ?"))))
        {
            await host.Scheduler.PauseAsync("a", default);
        }

        await using (var host = await SchedulerHarness.StartAsync(db.Path, new FakeDiscoveryService(
            FakeDiscoveryService.Source("a", cron: "0 30 6 * * ?"),
            FakeDiscoveryService.Source("c", cron: "0 0 5 * * ?", enabled: false))))
        {
            var quartz = await host.QuartzAsync();
            var a = Assert.IsAssignableFrom<ICronTrigger>(await quartz.GetTrigger(new TriggerKey("a", "cmdb-discovery-schedule")));
            Assert.Equal("0 30 6 * * ?", a.CronExpressionString);
            Assert.Equal(DiscoveryScheduleState.Paused, (await host.Scheduler.GetScheduleAsync("a", default)).State);
            Assert.False(await quartz.Exists(new JobKey("b", "cmdb-discovery")));
            Assert.True(await quartz.Exists(new JobKey("c", "cmdb-discovery")), "a disabled source keeps its job for manual runs");
            Assert.Equal(new DiscoverySchedule("c", DiscoveryScheduleState.Disabled, null), await host.Scheduler.GetScheduleAsync("c", default));
        }
    }

    [Fact]
    public async Task Start_CrontabFiveFieldSchedule_IsAccepted()
    {
        using var db = new TempDatabase();
        await using var host = await SchedulerHarness.StartAsync(db.Path, new FakeDiscoveryService(FakeDiscoveryService.Source("tab", cron: "*/15 * * * *")));

        var schedule = await host.Scheduler.GetScheduleAsync("tab", default);

        Assert.Equal(DiscoveryScheduleState.Scheduled, schedule.State);
        Assert.Equal(0, schedule.NextRunAt!.Value.Minute % 15);
    }

    [Fact]
    public async Task Start_InvalidCron_FailsNamingTheSetting()
    {
        using var db = new TempDatabase();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SchedulerHarness.StartAsync(db.Path, new FakeDiscoveryService(FakeDiscoveryService.Source("typo", cron: "every hour"))));

        Assert.Contains("Cmdb:Discovery:Sources:typo:Schedule", error.Message, StringComparison.Ordinal);
    }
}
