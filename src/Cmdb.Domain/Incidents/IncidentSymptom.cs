namespace Cmdb.Domain.Incidents;

/// <summary>A CI that showed the incident's symptoms, and who said so when.</summary>
public sealed record IncidentSymptom(string CiId, DateTimeOffset AddedAt, string AddedBy);
