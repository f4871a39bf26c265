using Cmdb.Domain.Diagnosis;

namespace Cmdb.GraphQL.Diagnosis;

/// <summary>A diagnosis as the API serves it: the result and the incident it was asked for (null for symptoms given directly).</summary>
public sealed record DiagnosisNode(DiagnosisResult Result, string? IncidentId);
