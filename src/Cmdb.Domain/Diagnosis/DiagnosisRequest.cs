namespace Cmdb.Domain.Diagnosis;

/// <summary>What to diagnose: the CIs showing symptoms, when it started, and how far back changes count.</summary>
public sealed record DiagnosisRequest(IReadOnlyList<string> SymptomCiIds, DateTimeOffset StartedAt, TimeSpan Window);
