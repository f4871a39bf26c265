namespace Cmdb.Discovery.Scheduling;

/// <summary>Whether a source runs on its schedule.</summary>
public enum DiscoveryScheduleState
{
    /// <summary>Has a job and an active trigger: it runs at <see cref="DiscoverySchedule.NextRunAt"/>.</summary>
    Scheduled,

    /// <summary>An admin paused it: scheduled runs and pending retries wait until it is resumed (manual runs still work).</summary>
    Paused,

    /// <summary>Not scheduled: disabled in configuration, no schedule configured, or the scheduler is switched off.</summary>
    Disabled,
}
