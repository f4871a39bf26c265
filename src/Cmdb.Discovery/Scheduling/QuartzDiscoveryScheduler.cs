using Cmdb.Discovery.Framework;
using Cmdb.Domain.Errors;
using Quartz;

namespace Cmdb.Discovery.Scheduling;

/// <summary>The scheduler over Quartz: state from the job store, pause/resume on the source's job, manual runs as one-shot triggers.</summary>
internal sealed class QuartzDiscoveryScheduler(ISchedulerFactory factory, IDiscoveryService discovery, RunCompletions completions) : IDiscoveryScheduler
{
    public bool IsEnabled => true;

    public async Task<IReadOnlyList<DiscoverySchedule>> GetSchedulesAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var schedules = new List<DiscoverySchedule>(discovery.Sources.Count);
        foreach (var source in discovery.Sources) schedules.Add(await ReadAsync(scheduler, source, cancellationToken));
        return schedules;
    }

    public async Task<DiscoverySchedule> GetScheduleAsync(string sourceName, CancellationToken cancellationToken) =>
        await ReadAsync(await factory.GetScheduler(cancellationToken), SourceLookup.Find(discovery, sourceName), cancellationToken);

    public async Task<DiscoverySchedule> PauseAsync(string sourceName, CancellationToken cancellationToken)
    {
        var (scheduler, source) = await ScheduledAsync(sourceName, "paused", cancellationToken);
        await scheduler.PauseJob(DiscoveryJobKeys.Job(source.Name), cancellationToken);
        return await ReadAsync(scheduler, source, cancellationToken);
    }

    public async Task<DiscoverySchedule> ResumeAsync(string sourceName, CancellationToken cancellationToken)
    {
        var (scheduler, source) = await ScheduledAsync(sourceName, "resumed", cancellationToken);
        await scheduler.ResumeJob(DiscoveryJobKeys.Job(source.Name), cancellationToken);
        return await ReadAsync(scheduler, source, cancellationToken);
    }

    public async Task<DiscoveryRun> TriggerAsync(string sourceName, CancellationToken cancellationToken)
    {
        var source = SourceLookup.Find(discovery, sourceName);
        var scheduler = await factory.GetScheduler(cancellationToken);
        var (id, run) = completions.Register();
        try
        {
            var data = new JobDataMap
            {
                [DiscoveryJobKeys.TriggerKind] = nameof(DiscoveryTrigger.Manual),
                [DiscoveryJobKeys.RequestId] = id,
            };
            await scheduler.TriggerJob(DiscoveryJobKeys.Job(source.Name), data, cancellationToken);
            return await run.WaitAsync(cancellationToken);
        }
        finally
        {
            // The run goes on when the caller stops waiting; only the wait is dropped.
            completions.Forget(id);
        }
    }

    private async Task<(IScheduler Scheduler, DiscoverySourceInfo Source)> ScheduledAsync(string sourceName, string verb, CancellationToken cancellationToken)
    {
        var source = SourceLookup.Find(discovery, sourceName);
        var scheduler = await factory.GetScheduler(cancellationToken);
        if (!SourceLookup.IsScheduled(source) || await scheduler.GetTrigger(DiscoveryJobKeys.Schedule(source.Name), cancellationToken) is null)
        {
            throw CmdbException.Conflict(
                $"Discovery source '{source.Name}' is not scheduled (disabled, or no Schedule or Interval configured), so it cannot be {verb}.", "source");
        }

        return (scheduler, source);
    }

    private static async Task<DiscoverySchedule> ReadAsync(IScheduler scheduler, DiscoverySourceInfo source, CancellationToken cancellationToken)
    {
        var key = DiscoveryJobKeys.Schedule(source.Name);
        var triggers = SourceLookup.IsScheduled(source)
            ? await scheduler.GetTriggersOfJob(DiscoveryJobKeys.Job(source.Name), cancellationToken)
            : [];
        if (!triggers.Any(t => t.Key.Equals(key))) return new DiscoverySchedule(source.Name, DiscoveryScheduleState.Disabled, null);
        if (await scheduler.GetTriggerState(key, cancellationToken) == TriggerState.Paused)
            return new DiscoverySchedule(source.Name, DiscoveryScheduleState.Paused, null);

        // A pending retry or manual trigger may come before the next scheduled firing.
        var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
        return new DiscoverySchedule(source.Name, DiscoveryScheduleState.Scheduled, next);
    }
}
