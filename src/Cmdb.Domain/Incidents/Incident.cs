namespace Cmdb.Domain.Incidents;

/// <summary>A stored incident: what broke, where it showed, and once known, why.</summary>
public sealed record Incident(
    string Id,
    string Title,
    string? Description,
    Severity Severity,
    IncidentState State,
    DateTimeOffset StartedAt,
    IReadOnlyList<IncidentSymptom> Symptoms,
    string? Resolution,
    string? RootCauseCiId,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>The symptomatic CI ids in the order they were added.</summary>
    public IReadOnlyList<string> SymptomCiIds => Symptoms.Select(s => s.CiId).ToList();
}
