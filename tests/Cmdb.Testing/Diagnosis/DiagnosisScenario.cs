using Cmdb.Domain.Diagnosis;

namespace Cmdb.Testing.Diagnosis;

/// <summary>One injected incident: the noisy symptoms monitoring would report, the evidence around it, and the truth.</summary>
/// <param name="Setting">The kind of fault.</param>
/// <param name="Causes">The CIs that really failed.</param>
/// <param name="SymptomCiIds">What monitoring reported: the observable impact minus dropped reports plus noise.</param>
/// <param name="StartedAt">The incident start.</param>
/// <param name="Evidence">Changes (on the cause in half the cases, decoys in all), no events, no history.</param>
/// <param name="CauseChanged">Whether a change was put on the causes.</param>
public sealed record DiagnosisScenario(
    DiagnosisSetting Setting,
    IReadOnlyList<string> Causes,
    IReadOnlyList<string> SymptomCiIds,
    DateTimeOffset StartedAt,
    DiagnosisEvidence Evidence,
    bool CauseChanged);
