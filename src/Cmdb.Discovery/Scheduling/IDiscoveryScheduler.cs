using Cmdb.Discovery.Framework;

namespace Cmdb.Discovery.Scheduling;

/// <summary>
/// The schedule of each configured source, and the operations an admin has on it. Implemented over Quartz when
/// <c>Cmdb:Discovery:SchedulerEnabled</c> is true, else by a manual-only variant that runs sources directly.
/// </summary>
/// <remarks>An unknown source name is NotFound; an empty one is Validation.</remarks>
public interface IDiscoveryScheduler
{
    /// <summary>True when sources run on their schedules; false when only manual runs happen.</summary>
    bool IsEnabled { get; }

    /// <summary>The schedule state of every configured source, in configuration order.</summary>
    Task<IReadOnlyList<DiscoverySchedule>> GetSchedulesAsync(CancellationToken cancellationToken);

    Task<DiscoverySchedule> GetScheduleAsync(string sourceName, CancellationToken cancellationToken);

    /// <summary>Stops scheduled runs and pending retries of a source until it is resumed; survives a restart. Conflict when it is not scheduled.</summary>
    Task<DiscoverySchedule> PauseAsync(string sourceName, CancellationToken cancellationToken);

    /// <summary>Resumes a paused source; a run missed while paused fires once now. Conflict when it is not scheduled.</summary>
    Task<DiscoverySchedule> ResumeAsync(string sourceName, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a source now, as a manual run, and returns its record once it has finished. With the scheduler on, the run
    /// goes through the source's Quartz job, so it never overlaps a scheduled run or retry of the same source: it
    /// waits for one in progress to end first. Works for paused and disabled sources too.
    /// </summary>
    Task<DiscoveryRun> TriggerAsync(string sourceName, CancellationToken cancellationToken);
}
