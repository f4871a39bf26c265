namespace Cmdb.Domain.Diagnosis;

/// <summary>A monitoring event that was firing on a CI at the incident start (or started in the window before it).</summary>
public sealed record DiagnosisEvent(string Id, string CiId, string Name, string? Severity, DateTimeOffset StartsAt, DateTimeOffset? EndsAt);
