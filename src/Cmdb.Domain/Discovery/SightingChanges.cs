namespace Cmdb.Domain.Discovery;

/// <summary>
/// One run's sighting bookkeeping. Rows in <see cref="Upserts"/> are written as given; the per-scope sets are applied
/// with one statement each, so an unchanged re-run costs a few statements, not one per item.
/// </summary>
/// <param name="Source">Source name.</param>
/// <param name="At">When the run saw what it saw.</param>
/// <param name="Scopes">Per-scope sets.</param>
/// <param name="Upserts">New or changed CI sightings (new fingerprint, reappearance, retirement flag).</param>
/// <param name="RelationshipUpserts">New or changed relationship sightings.</param>
/// <param name="RelationshipDeletes">Relationship sightings to forget (the relationship was removed), by scope and key.</param>
public sealed record SightingChanges(
    string Source,
    DateTimeOffset At,
    IReadOnlyList<ScopeSightingChanges> Scopes,
    IReadOnlyList<CiSighting> Upserts,
    IReadOnlyList<RelationshipSighting> RelationshipUpserts,
    IReadOnlyList<(string Scope, string Key)> RelationshipDeletes);

/// <summary>The set-based part of a run's bookkeeping for one scope.</summary>
/// <remarks>
/// A complete run stamps the scope itself with the run's time: every sighting of the scope with missed count 0 was
/// seen then, so unchanged rows need no write at all. A row that becomes missed keeps the last time it was seen.
/// </remarks>
/// <param name="Scope">Scope name.</param>
/// <param name="Complete">True when the run read the whole scope (its time is stamped on the scope).</param>
/// <param name="Seen">CIs reported again unchanged whose row must change: missed count back to 0 and last seen now.</param>
/// <param name="Missed">CIs a complete run of the scope did not report: missed count +1.</param>
/// <param name="RelationshipsSeen">Relationship keys reported again unchanged whose row must change.</param>
/// <param name="RelationshipsMissed">Relationship keys a complete run did not report.</param>
public sealed record ScopeSightingChanges(
    string Scope,
    bool Complete,
    IReadOnlyCollection<string> Seen,
    IReadOnlyCollection<string> Missed,
    IReadOnlyCollection<string> RelationshipsSeen,
    IReadOnlyCollection<string> RelationshipsMissed);
