namespace Cmdb.Domain.Diagnosis;

/// <summary>One ranked candidate.</summary>
/// <param name="CiId">The candidate CI.</param>
/// <param name="Rank">1 = most likely.</param>
/// <param name="Score">
/// Posterior probability (0..1) that the CI is a cause, among the hypotheses scored: every candidate alone and the most
/// promising pairs. A CI ranked as half of a two-fault explanation gets that pair's share too.
/// </param>
/// <param name="LogScore">The log-likelihood plus log-prior of the best hypothesis containing the CI (nats; higher is better).</param>
/// <param name="PairedWith">When the CI is ranked as half of a two-fault explanation, the other half.</param>
/// <param name="Evidence">Why: the single-fault hypothesis's tally, changes, events, history.</param>
public sealed record ProbableCause(string CiId, int Rank, double Score, double LogScore, string? PairedWith, CauseEvidence Evidence);
