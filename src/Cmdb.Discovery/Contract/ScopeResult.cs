namespace Cmdb.Discovery.Contract;

/// <summary>
/// What a source found in one scope (a host, a state file, a cluster, a bulk file). Only a <see cref="Complete"/>
/// scope may retire what it did not see; an incomplete one carries whatever it could read and the reasons.
/// </summary>
/// <param name="Scope">Stable name of the scope, the same run after run (staleness is tracked per scope).</param>
/// <param name="Complete">True when the whole scope was read: absence of an item then means it is gone.</param>
/// <param name="Items">Items found, each at most once.</param>
/// <param name="Relationships">Relationships found; their ends name items by identifier.</param>
/// <param name="Errors">Why the scope is incomplete, or problems that were skipped; written for a person.</param>
public sealed record ScopeResult(
    string Scope,
    bool Complete,
    IReadOnlyList<DiscoveredItem> Items,
    IReadOnlyList<DiscoveredRelationship> Relationships,
    IReadOnlyList<string> Errors)
{
    /// <summary>A complete scope without problems.</summary>
    public static ScopeResult Completed(string scope, IReadOnlyList<DiscoveredItem> items, IReadOnlyList<DiscoveredRelationship> relationships) =>
        new(scope, true, items, relationships, []);

    /// <summary>A scope that could not be read at all: nothing in it may be retired, nothing is reported.</summary>
    public static ScopeResult Failed(string scope, string error) => new(scope, false, [], [], [error]);
}
