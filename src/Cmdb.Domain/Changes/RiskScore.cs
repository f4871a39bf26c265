namespace Cmdb.Domain.Changes;

/// <summary>
/// Turns weighted signals into whole-point contributions that add up exactly to the score.
/// Raw contribution = weight × signal. If the raw total exceeds 100, every raw contribution is scaled by
/// 100 / total (the cap keeps their proportions). The score is the rounded (capped) total; each contribution is
/// the floor of its scaled raw value, and the points left over go one each to the largest remainders (ties: factor
/// order). The score is monotone in every signal, so raising one signal never lowers the score.
/// </summary>
internal static class RiskScore
{
    public static (int Score, IReadOnlyList<RiskFactor> Factors) Compose(IReadOnlyList<Measure> measures)
    {
        var raw = measures.Select(m => m.Weight * Math.Clamp(m.Signal, 0, 1)).ToArray();
        var total = raw.Sum();
        var scale = total > 100 ? 100 / total : 1;
        var score = (int)Math.Round(Math.Min(total, 100), MidpointRounding.AwayFromZero);
        var points = new int[raw.Length];
        var remainders = new double[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var scaled = raw[i] * scale;
            points[i] = (int)Math.Floor(scaled + 1e-9);
            remainders[i] = scaled - points[i];
        }

        var left = score - points.Sum();
        foreach (var i in Enumerable.Range(0, raw.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i))
        {
            if (left <= 0) break;
            if (raw[i] <= 0) continue; // a factor that measured nothing never receives points
            points[i]++;
            left--;
        }

        var factors = measures.Select((m, i) => new RiskFactor(m.Name, m.Value, Math.Clamp(m.Signal, 0, 1), m.Weight, points[i], m.Explanation, m.CiIds ?? [])).ToList();
        return (score, factors);
    }

    /// <summary>One factor before scoring.</summary>
    internal sealed record Measure(string Name, double Value, double Signal, int Weight, string Explanation, IReadOnlyList<string>? CiIds = null);
}
