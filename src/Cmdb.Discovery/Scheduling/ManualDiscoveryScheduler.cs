using Cmdb.Discovery.Framework;
using Cmdb.Domain.Errors;

namespace Cmdb.Discovery.Scheduling;

/// <summary>
/// The scheduler when <c>Cmdb:Discovery:SchedulerEnabled</c> is false (the CLI, tests): nothing runs on a schedule;
/// a manual run goes straight to the engine under the source's timeout (the engine records an overlapping run as skipped).
/// </summary>
public sealed class ManualDiscoveryScheduler(IDiscoveryService discovery, TimeProvider time) : IDiscoveryScheduler
{
    public bool IsEnabled => false;

    public Task<IReadOnlyList<DiscoverySchedule>> GetSchedulesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DiscoverySchedule>>([.. discovery.Sources.Select(s => Disabled(s.Name))]);

    public Task<DiscoverySchedule> GetScheduleAsync(string sourceName, CancellationToken cancellationToken) =>
        Task.FromResult(Disabled(SourceLookup.Find(discovery, sourceName).Name));

    public Task<DiscoverySchedule> PauseAsync(string sourceName, CancellationToken cancellationToken) => throw Off(sourceName, "paused");

    public Task<DiscoverySchedule> ResumeAsync(string sourceName, CancellationToken cancellationToken) => throw Off(sourceName, "resumed");

    public async Task<DiscoveryRun> TriggerAsync(string sourceName, CancellationToken cancellationToken)
    {
        var source = SourceLookup.Find(discovery, sourceName);
        using var timeout = new CancellationTokenSource(source.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        return await discovery.RunAsync(source.Name, DiscoveryTrigger.Manual, linked.Token);
    }

    private static DiscoverySchedule Disabled(string name) => new(name, DiscoveryScheduleState.Disabled, null);

    private CmdbException Off(string sourceName, string verb)
    {
        var source = SourceLookup.Find(discovery, sourceName);
        return CmdbException.Conflict(
            $"Discovery source '{source.Name}' cannot be {verb}: the discovery scheduler is switched off (Cmdb:Discovery:SchedulerEnabled=false).", "source");
    }
}
