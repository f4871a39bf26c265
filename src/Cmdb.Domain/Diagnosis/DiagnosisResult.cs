namespace Cmdb.Domain.Diagnosis;

/// <summary>The ranked probable causes of a set of symptoms, read on the topology as of the start.</summary>
/// <param name="StartedAt">The incident start the topology and the change window are anchored to.</param>
/// <param name="AsOfSeq">The commit the topology was read at (the last one at or before the start).</param>
/// <param name="SymptomCiIds">The symptoms, distinct, in the order given.</param>
/// <param name="CandidateCount">CIs in the upstream closure of the symptoms that were scored.</param>
/// <param name="CandidatesTruncated">The closure was larger than the limit; the nearest candidates were scored.</param>
/// <param name="Causes">Best first.</param>
public sealed record DiagnosisResult(
    DateTimeOffset StartedAt,
    int AsOfSeq,
    IReadOnlyList<string> SymptomCiIds,
    int CandidateCount,
    bool CandidatesTruncated,
    IReadOnlyList<ProbableCause> Causes);
