namespace Cmdb.Domain.Problems;

/// <summary>
/// The editable part of a problem record (ITIL problem management): the underlying cause behind one or more incidents.
/// A known error has a documented cause and, ideally, a workaround.
/// </summary>
public sealed record ProblemSpec(
    string Title,
    string? Description,
    bool IsKnownError,
    string? Workaround,
    IReadOnlyList<string> CiIds,
    IReadOnlyList<string> IncidentIds);
