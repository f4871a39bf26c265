using Cmdb.Discovery.Framework;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cmdb.Discovery.Scheduling;

/// <summary>
/// Brings the job store in line with configuration at start-up: a durable job per configured source (so manual runs
/// go through Quartz too), a recurring trigger per enabled scheduled source, and nothing for removed sources. A
/// trigger whose schedule did not change is left alone, so its next fire time and paused state survive a restart.
/// </summary>
internal static class JobReconciler
{
    public static async Task ReconcileAsync(IScheduler scheduler, IReadOnlyList<DiscoverySourceInfo> sources, ILogger logger, CancellationToken cancellationToken)
    {
        var configured = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(DiscoveryJobKeys.JobGroup), cancellationToken))
        {
            if (configured.ContainsKey(key.Name)) continue;
            await scheduler.DeleteJob(key, cancellationToken);
            logger.LogInformation("Discovery source {Source} is no longer configured: its job was removed from the scheduler.", key.Name);
        }

        foreach (var source in sources) await ReconcileAsync(scheduler, source, logger, cancellationToken);
    }

    private static async Task ReconcileAsync(IScheduler scheduler, DiscoverySourceInfo source, ILogger logger, CancellationToken cancellationToken)
    {
        var jobKey = DiscoveryJobKeys.Job(source.Name);
        if (!await scheduler.Exists(jobKey, cancellationToken))
        {
            var job = JobBuilder.Create<DiscoveryJob>()
                .WithIdentity(jobKey)
                .WithDescription($"Discovery source '{source.Name}' ({source.Kind})")
                .StoreDurably()
                .Build();
            await scheduler.AddJob(job, cancellationToken: cancellationToken);
        }

        var triggerKey = DiscoveryJobKeys.Schedule(source.Name);
        var existing = await scheduler.GetTrigger(triggerKey, cancellationToken);
        if (!SourceLookup.IsScheduled(source))
        {
            if (existing is not null) await scheduler.UnscheduleJob(triggerKey, cancellationToken);
            return;
        }

        if (existing is not null && SameSchedule(existing, source)) return;
        var paused = existing is not null && await scheduler.GetTriggerState(triggerKey, cancellationToken) == TriggerState.Paused;
        var trigger = ScheduleTriggers.Build(source, jobKey);
        if (existing is null) await scheduler.ScheduleJob(trigger, cancellationToken: cancellationToken);
        else await scheduler.RescheduleJob(triggerKey, trigger, cancellationToken);
        if (paused) await scheduler.PauseTrigger(triggerKey, cancellationToken);
        logger.LogInformation("Discovery source {Source} scheduled ({Schedule}).", source.Name, ScheduleTriggers.Describe(source));
    }

    private static bool SameSchedule(ITrigger trigger, DiscoverySourceInfo source) => trigger switch
    {
        ICronTrigger cron => !string.IsNullOrWhiteSpace(source.Schedule)
            && string.Equals(cron.CronExpressionString, ScheduleTriggers.Cron(source).CronExpressionString, StringComparison.Ordinal),
        ISimpleTrigger simple => string.IsNullOrWhiteSpace(source.Schedule) && simple.RepeatInterval == source.Interval,
        _ => false,
    };
}
