using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Discovery.Framework;

/// <summary>
/// Runs configured discovery sources and loads what they find: identification, reconciliation with attribute-level
/// precedence, per-scope sightings and safe staleness. The scheduler and the API both go through it.
/// </summary>
public interface IDiscoveryService
{
    /// <summary>The configured sources (never their credentials).</summary>
    IReadOnlyList<DiscoverySourceInfo> Sources { get; }

    /// <summary>
    /// Runs a source now and records the run. A second run of a source already running is recorded as
    /// <see cref="DiscoveryRunStatus.Skipped"/>. Unknown source: NotFound.
    /// </summary>
    Task<DiscoveryRun> RunAsync(string sourceName, DiscoveryTrigger trigger, CancellationToken cancellationToken);

    /// <summary>What a run of the source would change, computed against the current store, writing nothing.</summary>
    Task<DiscoveryDiff> DryRunAsync(string sourceName, CancellationToken cancellationToken);

    /// <summary>Runs newest first, of one source or all.</summary>
    Task<Page<DiscoveryRun>> GetRunsAsync(string? sourceName, int first, string? after, CancellationToken cancellationToken);

    Task<DiscoveryRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>The latest run of each source, keyed by source name.</summary>
    Task<IReadOnlyDictionary<string, DiscoveryRun>> GetLastRunsAsync(CancellationToken cancellationToken);

    /// <summary>Reconciliation conflicts (ambiguous matches) newest first, of one source or all.</summary>
    Task<Page<ReconciliationConflict>> GetConflictsAsync(string? sourceName, int first, string? after, CancellationToken cancellationToken);

    /// <summary>Runs whose retirements wait for approval (<see cref="HoldState.Pending"/>), newest first.</summary>
    Task<IReadOnlyList<DiscoveryRun>> GetHeldRunsAsync(CancellationToken cancellationToken);

    /// <summary>Carries out the retirements a held run was holding back. Conflict when the run is not held.</summary>
    Task<DiscoveryRun> ApproveHeldRunAsync(string runId, Actor actor, CancellationToken cancellationToken);

    /// <summary>Discards the retirements a held run was holding back; nothing is retired. Conflict when not held.</summary>
    Task<DiscoveryRun> RejectHeldRunAsync(string runId, Actor actor, string? reason, CancellationToken cancellationToken);
}
