using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Scheduling;
using Cmdb.Domain.Errors;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Discovery.Tests.Scheduling;

/// <summary>Pause, resume and manual runs, and their bad values.</summary>
public sealed class SchedulerOperationsTests
{
    [Fact]
    public async Task PauseAndResume_ScheduledSource_ChangeStateAndNextRun()
    {
        using var db = new TempDatabase();
        await using var host = await SchedulerHarness.StartAsync(db.Path, new FakeDiscoveryService(FakeDiscoveryService.Source("nightly", cron: "0 0 3 * * ?")));

        var paused = await host.Scheduler.PauseAsync("nightly", default);
        var resumed = await host.Scheduler.ResumeAsync("NIGHTLY", default);

        Assert.Equal(new DiscoverySchedule("nightly", DiscoveryScheduleState.Paused, null), paused);
        Assert.Equal(DiscoveryScheduleState.Scheduled, resumed.State);
        Assert.Equal(3, resumed.NextRunAt!.Value.UtcDateTime.Hour);
    }

    [Fact]
    public async Task TriggerAsync_PausedSource_StillRunsManually()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("nightly", cron: "0 0 3 * * ?"));
        await using var host = await SchedulerHarness.StartAsync(db.Path, discovery);
        await host.Scheduler.PauseAsync("nightly", default);

        var run = await host.Scheduler.TriggerAsync("nightly", default);

        Assert.Equal(DiscoveryTrigger.Manual, run.Trigger);
        Assert.Equal([("nightly", DiscoveryTrigger.Manual)], discovery.Calls);
        Assert.Equal(DiscoveryScheduleState.Paused, (await host.Scheduler.GetScheduleAsync("nightly", default)).State);
    }

    [Theory]
    [InlineData("", ErrorCode.Validation, "empty")]
    [InlineData("   ", ErrorCode.Validation, "empty")]
    [InlineData("nope", ErrorCode.NotFound, "'nope'")]
    [InlineData("manual-only", ErrorCode.Conflict, "not scheduled")]
    public async Task PauseAsync_BadSource_FailsClearlyAndChangesNothing(string name, ErrorCode code, string fragment)
    {
        using var db = new TempDatabase();
        await using var host = await SchedulerHarness.StartAsync(db.Path, new FakeDiscoveryService(
            FakeDiscoveryService.Source("nightly", cron: "0 0 3 * * ?"), FakeDiscoveryService.Source("manual-only", enabled: false)));

        var error = await Assert.ThrowsAsync<CmdbException>(() => host.Scheduler.PauseAsync(name, default));
        var resumeError = await Assert.ThrowsAsync<CmdbException>(() => host.Scheduler.ResumeAsync(name, default));

        Assert.Equal(code, error.Code);
        Assert.Contains(fragment, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(code, resumeError.Code);
        Assert.Equal(DiscoveryScheduleState.Scheduled, (await host.Scheduler.GetScheduleAsync("nightly", default)).State);
    }

    [Fact]
    public async Task TriggerAsync_UnknownSource_IsNotFoundAndRunsNothing()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("a", enabled: false));
        await using var host = await SchedulerHarness.StartAsync(db.Path, discovery);

        var error = await Assert.ThrowsAsync<CmdbException>(() => host.Scheduler.TriggerAsync("b", default));

        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.Contains("Configured: a", error.Message, StringComparison.Ordinal);
        Assert.Empty(discovery.Calls);
    }

    [Fact]
    public async Task SchedulerSwitchedOff_RunsManuallyRefusesPauseAndLeavesNoQuartzTables()
    {
        using var db = new TempDatabase();
        var discovery = new FakeDiscoveryService(FakeDiscoveryService.Source("nightly", cron: "0 0 3 * * ?"));
        await using (var host = await SchedulerHarness.StartAsync(db.Path, discovery, new Dictionary<string, string?> { ["Cmdb:Discovery:SchedulerEnabled"] = "false" }))
        {
            Assert.False(host.Scheduler.IsEnabled);
            Assert.Equal(DiscoveryScheduleState.Disabled, (await host.Scheduler.GetScheduleAsync("nightly", default)).State);
            var error = await Assert.ThrowsAsync<CmdbException>(() => host.Scheduler.PauseAsync("nightly", default));
            Assert.Equal(ErrorCode.Conflict, error.Code);
            Assert.Contains("SchedulerEnabled=false", error.Message, StringComparison.Ordinal);
            Assert.Equal(DiscoveryRunStatus.Succeeded, (await host.Scheduler.TriggerAsync("nightly", default)).Status);
        }

        await using var connection = new SqliteConnection($"Data Source={db.Path};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'QRTZ%'";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
