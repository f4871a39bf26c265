namespace Cmdb.Discovery.Framework;

/// <summary>The record of one run of one source.</summary>
/// <param name="Id">Stable run id; also the <c>RunId</c> of the discovery actor its writes are audited under.</param>
/// <param name="Source">Source name.</param>
/// <param name="Kind">Source kind.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Status">How it ended.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended; null while running.</param>
/// <param name="Counts">What it did.</param>
/// <param name="Error">Why it failed or was partial (one line per problem), for a person; null when it succeeded.</param>
/// <param name="Scopes">Each scope it covered and whether it completed.</param>
/// <param name="Hold">Null unless the run's retirements were held for approval.</param>
/// <param name="HeldRetirements">How many retirements are (or were) held.</param>
public sealed record DiscoveryRun(
    string Id,
    string Source,
    string Kind,
    DiscoveryTrigger Trigger,
    DiscoveryRunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DiscoveryRunCounts Counts,
    string? Error,
    IReadOnlyList<DiscoveryScopeOutcome> Scopes,
    HoldState? Hold,
    int HeldRetirements);

/// <summary>One scope of a run.</summary>
public sealed record DiscoveryScopeOutcome(string Scope, bool Complete, IReadOnlyList<string> Errors);
