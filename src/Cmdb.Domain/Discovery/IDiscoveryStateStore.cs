using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Discovery;

/// <summary>
/// What discovery remembers between runs, kept in the same database as the CIs: run records, per-scope sightings of
/// CIs and relationships, reconciliation conflicts and retirements held for approval.
/// </summary>
/// <remarks>
/// Run and conflict payloads are opaque JSON written by the discovery engine; the store only keys and orders them.
/// Sightings are the engine's bookkeeping: one row per (source, scope, CI), never one CI version per run.
/// </remarks>
public interface IDiscoveryStateStore : ISightingReader
{
    /// <summary>Inserts or replaces a run record.</summary>
    Task SaveRunAsync(StoredRun run, CancellationToken cancellationToken);

    Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs newest first, of one source or all.</summary>
    Task<Page<StoredRun>> GetRunsAsync(string? source, int first, string? after, CancellationToken cancellationToken);

    /// <summary>The newest run of each source.</summary>
    Task<IReadOnlyList<StoredRun>> GetLastRunsAsync(CancellationToken cancellationToken);

    /// <summary>Every CI sighting of a source, all scopes.</summary>
    Task<IReadOnlyList<CiSighting>> GetSightingsAsync(string source, CancellationToken cancellationToken);

    /// <summary>Every relationship sighting of a source, all scopes.</summary>
    Task<IReadOnlyList<RelationshipSighting>> GetRelationshipSightingsAsync(string source, CancellationToken cancellationToken);

    /// <summary>
    /// Of <paramref name="ciIds"/>, those another source or scope saw on its latest run (missed count 0). Only sightings
    /// of <paramref name="liveSources"/> count: a source removed from configuration never runs again to miss anything.
    /// </summary>
    Task<IReadOnlySet<string>> GetSeenElsewhereAsync(
        string source, string scope, IReadOnlyCollection<string> ciIds, IReadOnlyCollection<string> liveSources, CancellationToken cancellationToken);

    /// <summary>Applies one run's sighting bookkeeping in one transaction (set-based per scope).</summary>
    Task SaveSightingsAsync(SightingChanges changes, CancellationToken cancellationToken);

    Task AddConflictsAsync(IReadOnlyList<StoredConflict> conflicts, CancellationToken cancellationToken);

    /// <summary>Conflicts newest first, of one source or all.</summary>
    Task<Page<StoredConflict>> GetConflictsAsync(string? source, int first, string? after, CancellationToken cancellationToken);

    /// <summary>Records the retirements a run holds back.</summary>
    Task AddHeldAsync(IReadOnlyList<HeldRetirement> held, CancellationToken cancellationToken);

    /// <summary>The ids of the runs that hold retirements back, newest first.</summary>
    Task<IReadOnlyList<string>> GetHeldRunIdsAsync(CancellationToken cancellationToken);

    /// <summary>The retirements a held run is holding back.</summary>
    Task<IReadOnlyList<HeldRetirement>> GetHeldAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Removes a run's held retirements (after approval or rejection).</summary>
    Task ClearHeldAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Sets the missed count of these sightings back to 0 (a rejected hold: the misses are not trusted).</summary>
    Task ResetMissedAsync(string source, IReadOnlyCollection<(string Scope, string CiId)> sightings, CancellationToken cancellationToken);
}
