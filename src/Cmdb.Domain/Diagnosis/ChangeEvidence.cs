namespace Cmdb.Domain.Diagnosis;

/// <summary>A change counted for a candidate: on the candidate itself, or on a direct neighbour.</summary>
public sealed record ChangeEvidence(DiagnosisChange Change, bool OnCandidate);
