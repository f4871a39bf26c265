namespace Cmdb.Domain.Diagnosis;

/// <summary>The evidence for one candidate, as if it alone had failed.</summary>
/// <param name="SymptomsExplained">Reported symptoms its failure predicts.</param>
/// <param name="SymptomsUnexplained">Reported symptoms its failure does not reach.</param>
/// <param name="HealthyDependentCount">Monitored CIs its failure would take down or degrade that were not reported.</param>
/// <param name="HealthyDependentsAtLeast">The count is a lower bound: the walk stopped once the candidate could not win.</param>
/// <param name="HealthyDependents">Some of them, by id.</param>
/// <param name="Changes">Changes on it or on a direct neighbour in the window, newest first.</param>
/// <param name="Events">Monitoring events firing on it.</param>
/// <param name="PastIncidents">Incidents resolved earlier with it as the root cause.</param>
/// <param name="IndistinguishableFrom">Other candidates whose failure predicts exactly the same observable set.</param>
public sealed record CauseEvidence(
    IReadOnlyList<string> SymptomsExplained,
    IReadOnlyList<string> SymptomsUnexplained,
    int HealthyDependentCount,
    bool HealthyDependentsAtLeast,
    IReadOnlyList<string> HealthyDependents,
    IReadOnlyList<ChangeEvidence> Changes,
    IReadOnlyList<DiagnosisEvent> Events,
    int PastIncidents,
    IReadOnlyList<string> IndistinguishableFrom);
