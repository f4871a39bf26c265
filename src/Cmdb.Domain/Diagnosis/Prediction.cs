namespace Cmdb.Domain.Diagnosis;

/// <summary>
/// What one hypothesis predicts, tallied against the reported symptoms.
/// </summary>
/// <param name="Explained">Reported symptoms it predicts.</param>
/// <param name="Missed">Monitored CIs it predicts down or degraded that were not reported (healthy dependents); a lower bound when <paramref name="Capped"/>.</param>
/// <param name="Capped">The walk stopped early: the hypothesis predicts so much that was not seen that it cannot win.</param>
/// <param name="Signature">Order-free hash of the predicted observable set (equal sets, equal hashes).</param>
/// <param name="Predicted">Size of the predicted observable set.</param>
internal readonly record struct Prediction(int Explained, int Missed, bool Capped, ulong Signature, int Predicted);
