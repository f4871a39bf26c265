namespace Cmdb.Benchmarks;

/// <summary>How <see cref="DiagnosisOracle"/> reads the changes of a scenario (the symptom model and the fault prior are exact in all).</summary>
internal enum DiagnosisOracleMode
{
    /// <summary>The generator's exact change process: the cause's change (half the trials, ≤ 6 h, record or discovered) and the decoys (one near the first cause, one upstream of a reported symptom, two anywhere, never on a faulty CI).</summary>
    Exact,

    /// <summary>
    /// As <see cref="Exact"/>, but blind to where the decoys are put: every decoy drawn uniformly from the live CIs that
    /// did not fail (decoys still never on a faulty CI, the cause's change as drawn). The gap to <see cref="Exact"/> is
    /// what knowing the decoy placement (one next to the first cause, one upstream of a symptom) is worth.
    /// </summary>
    ExactUniformDecoys,

    /// <summary>
    /// The cause's change as the generator draws it, every other change an unrelated one at a base rate that does not
    /// depend on the hypothesis (2 per upstream closure): what an engine could learn from its own incident record,
    /// without knowing where the benchmark puts its decoys.
    /// </summary>
    Fair,

    /// <summary>Changes ignored: what the symptoms alone (with the exact noise model and fault prior) can tell.</summary>
    SymptomsOnly,
}
