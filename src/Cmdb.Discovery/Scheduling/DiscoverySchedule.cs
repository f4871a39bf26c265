namespace Cmdb.Discovery.Scheduling;

/// <summary>The schedule state of one configured source.</summary>
/// <param name="Source">Source name.</param>
/// <param name="State">Scheduled, paused or disabled.</param>
/// <param name="NextRunAt">When the scheduler will next run it (a pending retry counts); null when paused or disabled.</param>
public sealed record DiscoverySchedule(string Source, DiscoveryScheduleState State, DateTimeOffset? NextRunAt);
