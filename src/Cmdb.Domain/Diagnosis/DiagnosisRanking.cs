namespace Cmdb.Domain.Diagnosis;

/// <summary>How candidates are ordered.</summary>
public enum DiagnosisRanking
{
    /// <summary>Likelihood of the symptoms under each hypothesis times its prior (the product default).</summary>
    Probabilistic,
    /// <summary>Most symptoms explained, fewest healthy dependents, a bonus for a recent change: the baseline the benchmark compares with.</summary>
    Naive,
}
