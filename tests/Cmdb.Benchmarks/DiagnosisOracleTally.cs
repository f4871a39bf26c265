using System.Globalization;
using Cmdb.Domain.Diagnosis;
using Cmdb.Testing.Diagnosis;

namespace Cmdb.Benchmarks;

/// <summary>
/// The product's ranking beside the oracle's (<see cref="DiagnosisOracle"/>) on the same trials: top-1 / top-3 (two
/// faults: both in the top 2 / top 6), over all trials and split into trials without and with a topological twin of a
/// true cause, the oracle's expected top-1 under its own model, and the trials only one of them wins.
/// </summary>
internal sealed class DiagnosisOracleTally(DiagnosisSetting setting, string seed)
{
    private const int Modes = 4;
    private readonly int[] _top1 = new int[Modes + 1]; // index Modes = the product
    private readonly int[] _top3 = new int[Modes + 1];
    private readonly int[] _distinctTop1 = new int[Modes + 1];
    private readonly int[] _twinTop1 = new int[Modes + 1];
    private readonly double[] _expected = new double[Modes];
    private readonly Dictionary<string, int> _twinShapes = new(StringComparer.Ordinal);
    private int _trials, _twinTrials, _truthRuledOut, _productOnly, _fairOnly, _exactOnlyVsProduct;

    /// <summary>Counts one trial; returns which oracle won a trial the product missed ("fair", else "uniform", else "exact"; null if none; for --oracle-verbose).</summary>
    public string? Add(
        DiagnosisScenario scenario, DiagnosisResult product, DiagnosisOracleResult[] oracle,
        IReadOnlyList<(HashSet<string> Observable, IReadOnlyList<string> Twins)> truth, Func<string, string> classOf)
    {
        _trials++;
        var twin = truth.Any(t => t.Twins.Count > 0);
        if (twin)
        {
            _twinTrials++;
            for (var i = 0; i < truth.Count; i++)
            {
                if (truth[i].Twins.Count == 0) continue;
                var key = classOf(scenario.Causes[i]) + "~" + string.Join("+", truth[i].Twins.Select(classOf).Order(StringComparer.Ordinal));
                _twinShapes[key] = _twinShapes.GetValueOrDefault(key) + 1;
            }
        }

        var hits = new bool[Modes + 1];
        for (var m = 0; m <= Modes; m++)
        {
            var ranked = m == Modes ? product.Causes.Select(c => c.CiId).ToList() : oracle[m].Ranked;
            var (near, far) = setting == DiagnosisSetting.TwoFaults ? (2, 6) : (1, 3);
            hits[m] = scenario.Causes.All(c => ranked.Take(near).Contains(c));
            _top1[m] += hits[m] ? 1 : 0;
            _top3[m] += scenario.Causes.All(c => ranked.Take(far).Contains(c)) ? 1 : 0;
            if (twin) _twinTop1[m] += hits[m] ? 1 : 0;
            else _distinctTop1[m] += hits[m] ? 1 : 0;
            if (m < Modes) _expected[m] += oracle[m].MaxPosterior;
        }

        if (oracle[(int)DiagnosisOracleMode.Exact].TruthPosterior <= 0) _truthRuledOut++;
        var product1 = hits[Modes];
        var fair1 = hits[(int)DiagnosisOracleMode.Fair];
        if (product1 && !fair1) _productOnly++;
        if (!product1 && fair1) _fairOnly++;
        if (!product1 && hits[(int)DiagnosisOracleMode.Exact]) _exactOnlyVsProduct++;
        return product1 ? null : fair1 ? "fair" : hits[(int)DiagnosisOracleMode.ExactUniformDecoys] ? "uniform" : hits[(int)DiagnosisOracleMode.Exact] ? "exact" : null;
    }

    public static string Header =>
        "| estate | setting | seed | trials | twin trials | top-1: product / exact oracle / exact, uniform decoys / fair / symptoms-only | "
        + "top-1 without twins: product / exact / uniform decoys / fair / symptoms-only | top-1 twin trials: product / exact / uniform decoys / fair / symptoms-only | "
        + "top-3: product / exact / uniform decoys / fair | exact oracle's expected top-1 | trials won by the product only / fair oracle only / exact oracle, not the product | truth ruled out |";

    public static string Rule => "|---|---|---|---|---|---|---|---|---|---|---|---|";

    public string Row(string estate)
    {
        var distinct = _trials - _twinTrials;
        return $"| {estate} | {setting} | {seed} | {_trials} | {_twinTrials} ({P(_twinTrials, _trials)}) | {Four(_top1, _trials)} | {Four(_distinctTop1, distinct)} | "
            + $"{Four(_twinTop1, _twinTrials)} | {P(_top3[Modes], _trials)} / {P(_top3[0], _trials)} / {P(_top3[1], _trials)} / {P(_top3[2], _trials)} | "
            + $"{(100.0 * _expected[0] / _trials).ToString("F1", CultureInfo.InvariantCulture)} % | {_productOnly} / {_fairOnly} / {_exactOnlyVsProduct} | {_truthRuledOut} |";
    }

    /// <summary>Twin trials by the classes of the true cause and its twins.</summary>
    public string TwinShapes() =>
        string.Join(", ", _twinShapes.OrderByDescending(x => x.Value).Select(x => $"{x.Key}: {x.Value}"));

    private static string Four(int[] hits, int of) =>
        $"{P(hits[Modes], of)} / {P(hits[0], of)} / {P(hits[1], of)} / {P(hits[2], of)} / {P(hits[3], of)}";

    private static string P(int hits, int of) =>
        of == 0 ? "–" : (100.0 * hits / of).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
