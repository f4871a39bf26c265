namespace Cmdb.Discovery.Framework;

/// <summary>A discovered item whose identifiers matched two or more CIs: nothing was written for it.</summary>
/// <param name="Id">Conflict id.</param>
/// <param name="Source">Source name.</param>
/// <param name="RunId">The run that found it.</param>
/// <param name="Scope">The scope it was found in.</param>
/// <param name="Class">The discovered item's class.</param>
/// <param name="Name">The discovered item's name.</param>
/// <param name="Identifiers">The discovered identifiers.</param>
/// <param name="CandidateCiIds">The CIs it matched, at least two.</param>
/// <param name="DetectedAt">When.</param>
public sealed record ReconciliationConflict(
    string Id,
    string Source,
    string RunId,
    string Scope,
    string Class,
    string Name,
    IReadOnlyDictionary<string, string> Identifiers,
    IReadOnlyList<string> CandidateCiIds,
    DateTimeOffset DetectedAt);
