namespace Cmdb.Benchmarks;

/// <summary>One oracle ranking of a scenario.</summary>
/// <param name="Ranked">CI ids, best first (two faults: the maximum-a-posteriori pair first, then by marginal posterior).</param>
/// <param name="MaxPosterior">The posterior of the best hypothesis: the chance, under the oracle's model, that its top-1 (two faults: its top pair) is right.</param>
/// <param name="TruthPosterior">The posterior of the true hypothesis (0 when the model rules it out, which for the exact model would be a bug).</param>
/// <param name="Hypotheses">Hypotheses with a non-zero likelihood.</param>
internal sealed record DiagnosisOracleResult(IReadOnlyList<string> Ranked, double MaxPosterior, double TruthPosterior, int Hypotheses);
