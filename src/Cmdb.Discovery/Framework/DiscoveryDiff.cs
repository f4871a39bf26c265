namespace Cmdb.Discovery.Framework;

/// <summary>What a dry run found: the writes a real run would make, and why.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Scopes">Each scope and whether it completed.</param>
/// <param name="Creates">CIs that would be created.</param>
/// <param name="Updates">CIs that would change, field by field, with the precedence rule that decided each.</param>
/// <param name="Unchanged">How many discovered items match a CI and would change nothing.</param>
/// <param name="Retirements">CIs that would be retired (or become stale).</param>
/// <param name="Conflicts">Items that would be recorded as conflicts.</param>
/// <param name="WouldHold">True when the retirements exceed the safety threshold and would wait for approval.</param>
public sealed record DiscoveryDiff(
    string Source,
    IReadOnlyList<DiscoveryScopeOutcome> Scopes,
    IReadOnlyList<PlannedCreate> Creates,
    IReadOnlyList<PlannedUpdate> Updates,
    int Unchanged,
    IReadOnlyList<PlannedRetirement> Retirements,
    IReadOnlyList<ReconciliationConflict> Conflicts,
    bool WouldHold);

/// <summary>A CI a run would create.</summary>
public sealed record PlannedCreate(string Scope, string Class, string Name, IReadOnlyDictionary<string, string> Identifiers);

/// <summary>A CI a run would change.</summary>
public sealed record PlannedUpdate(string Scope, string CiId, string Name, IReadOnlyList<PlannedFieldChange> Changes);

/// <summary>
/// One field a run would set or leave alone. <paramref name="Applied"/> is false when precedence kept the current
/// value; <paramref name="Rule"/> says which rule decided, in words.
/// </summary>
public sealed record PlannedFieldChange(string Field, string? Before, string? After, bool Applied, string Rule);

/// <summary>A CI a run would mark stale or retire, and why.</summary>
public sealed record PlannedRetirement(string Scope, string CiId, string Name, bool Retire, string Reason);
