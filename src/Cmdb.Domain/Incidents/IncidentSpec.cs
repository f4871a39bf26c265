namespace Cmdb.Domain.Incidents;

/// <summary>What a reporter says when opening an incident; <see cref="IncidentRules"/> validates it.</summary>
public sealed record IncidentSpec(
    string Title,
    string? Description,
    Severity Severity,
    DateTimeOffset StartedAt,
    IReadOnlyList<string>? SymptomCiIds = null);
