using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Framework.Options;
using Quartz;

namespace Cmdb.Discovery.Scheduling;

/// <summary>The recurring trigger of a source: its cron expression (UTC) when it has one, else its interval.</summary>
internal static class ScheduleTriggers
{
    public static ITrigger Build(DiscoverySourceInfo source, JobKey job)
    {
        var builder = TriggerBuilder.Create()
            .WithIdentity(DiscoveryJobKeys.Schedule(source.Name))
            .ForJob(job)
            .UsingJobData(DiscoveryJobKeys.TriggerKind, nameof(DiscoveryTrigger.Schedule))
            .WithDescription(Describe(source));
        if (!string.IsNullOrWhiteSpace(source.Schedule))
        {
            var cron = Cron(source);
            // A run missed while the service was down fires once at start-up, then the schedule carries on.
            return builder
                .WithCronSchedule(cron, x => x.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
        }

        // First run at once (a new installation shows discovery at work), then every interval; after a long
        // stop, one catch-up run now rather than a burst of the missed ones.
        return builder
            .StartNow()
            .WithSimpleSchedule(x => x.WithInterval(source.Interval!.Value).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .Build();
    }

    /// <summary>
    /// The source's cron expression: Quartz's six or seven fields (seconds first), or the five-field crontab form.
    /// Throws a message naming the setting when it is neither, so a typo stops the start instead of a silent no-schedule.
    /// </summary>
    public static CronExpression Cron(DiscoverySourceInfo source)
    {
        var expression = source.Schedule!.Trim();
        if (CronSchedule.Parse(expression) is { } cron) return cron;

        throw new InvalidOperationException(
            $"Cmdb:Discovery:Sources:{source.Name}:Schedule '{expression}' is not a valid cron expression: use five crontab fields "
            + "(minute hour day-of-month month day-of-week, e.g. '*/15 * * * *') or Quartz's six (seconds first, e.g. '0 0/15 * * * ?').");
    }

    public static string Describe(DiscoverySourceInfo source) =>
        !string.IsNullOrWhiteSpace(source.Schedule) ? $"cron '{source.Schedule.Trim()}' UTC" : $"every {source.Interval}";
}
