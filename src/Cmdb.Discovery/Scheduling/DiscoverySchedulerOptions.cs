namespace Cmdb.Discovery.Scheduling;

/// <summary>
/// The scheduler's own settings, read from <see cref="SectionName"/> beside the sources (whose Schedule, Interval,
/// Enabled, Timeout and Retries are <c>DiscoveryOptions</c>'s).
/// </summary>
public sealed class DiscoverySchedulerOptions
{
    public const string SectionName = "Cmdb:Discovery";

    /// <summary>False: nothing runs on a schedule and no Quartz tables are touched; manual runs still work.</summary>
    /// <value>Default true.</value>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>The delay before the first retry of a transient failure; each later retry waits twice as long.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between retries.</summary>
    /// <value>Default 10 minutes.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
}
