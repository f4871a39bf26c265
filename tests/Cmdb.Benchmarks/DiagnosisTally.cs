using Cmdb.Domain.Diagnosis;
using Cmdb.Testing.Diagnosis;

namespace Cmdb.Benchmarks;

/// <summary>Counts hits for one estate and setting. Two faults: "top-1" means both in the top 2, "top-3" both in the top 6.</summary>
internal sealed class DiagnosisTally(DiagnosisSetting setting)
{
    private readonly List<double> _ms = [];
    private int _trials, _indistinguishable, _top1, _top3, _distinctTop1, _indistinctTop1, _indistinctGroupTop1, _naiveTop1, _naiveTop3;

    public void Add(DiagnosisScenario scenario, DiagnosisResult result, DiagnosisResult baseline, double ms)
    {
        _trials++;
        _ms.Add(ms);
        var (near, far) = setting == DiagnosisSetting.TwoFaults ? (2, 6) : (1, 3);
        var ranks = scenario.Causes.Select(c => Rank(result, c)).ToArray();
        var hit1 = ranks.All(r => r <= near);
        _top1 += hit1 ? 1 : 0;
        _top3 += ranks.All(r => r <= far) ? 1 : 0;
        var naiveRanks = scenario.Causes.Select(c => Rank(baseline, c)).ToArray();
        _naiveTop1 += naiveRanks.All(r => r <= near) ? 1 : 0;
        _naiveTop3 += naiveRanks.All(r => r <= far) ? 1 : 0;

        // Indistinguishable: some true cause predicts exactly what another candidate predicts.
        var twins = scenario.Causes.Select(c => result.Causes.FirstOrDefault(x => x.CiId == c)?.Evidence.IndistinguishableFrom ?? []).ToArray();
        if (twins.Any(t => t.Count > 0))
        {
            _indistinguishable++;
            _indistinctTop1 += hit1 ? 1 : 0;
            var groupHit = scenario.Causes.Select((c, i) => result.Causes.Take(near).Any(x => x.CiId == c || twins[i].Contains(x.CiId))).All(h => h);
            _indistinctGroupTop1 += groupHit ? 1 : 0;
        }
        else
        {
            _distinctTop1 += hit1 ? 1 : 0;
        }
    }

    public string Row(string estate)
    {
        _ms.Sort();
        var distinct = _trials - _indistinguishable;
        return $"| {estate} | {setting} | {_trials} | {_indistinguishable} | {P(_top1, _trials)} | {P(_top3, _trials)} | {P(_distinctTop1, distinct)} | "
            + $"{P(_indistinctTop1, _indistinguishable)} / {P(_indistinctGroupTop1, _indistinguishable)} | {P(_naiveTop1, _trials)} | {P(_naiveTop3, _trials)} | "
            + $"{_ms[_ms.Count / 2]:F1} | {_ms[(int)(_ms.Count * 0.9)]:F1} |";
    }

    private static int Rank(DiagnosisResult result, string ciId)
    {
        for (var i = 0; i < result.Causes.Count; i++)
        {
            if (result.Causes[i].CiId == ciId) return i + 1;
        }

        return int.MaxValue;
    }

    private static string P(int hits, int of) => of == 0 ? "–" : $"{100.0 * hits / of:F1} %";
}
