using Cmdb.Domain.Diagnosis;
using Cmdb.Testing.Diagnosis;

namespace Cmdb.Benchmarks;

/// <summary>
/// Counts hits for one estate and setting. Two faults: "top-1" means both in the top 2, "top-3" both in the top 6.
/// A trial is indistinguishable when a true cause has a topological twin (decided from the truth by
/// <see cref="DiagnosisTruth"/>, not from the ranked list).
/// </summary>
internal sealed class DiagnosisTally(DiagnosisSetting setting)
{
    private readonly List<double> _ms = [];
    private readonly List<double> _cpuMs = [];
    private int _trials, _indistinguishable, _top1, _top3, _distinctTop1, _distinctTop3, _indistinctTop1, _indistinctGroupTop1, _naiveTop1, _naiveTop3;
    private int _missTwin, _missChild, _missDecoy, _missOther, _missNeverFails, _knownSetTop1;
    private double _ceiling;

    /// <param name="ms">Wall milliseconds of Prepare + Rank.</param>
    /// <param name="cpuMs">The same in CPU milliseconds of the thread: unaffected by waiting for a core on a loaded machine.</param>
    /// <param name="truth">Per true cause: its observable impact and its twins.</param>
    /// <param name="canFail">Whether the generator ever fails a CI: a miss to one it never fails is counted apart too.</param>
    /// <returns>
    /// Per missed cause, why: "twin" (a twin of it is in its place), "child" (a CI its failure takes down is: typically
    /// its own report was dropped), "decoy" (a CI with a change on it is) or "other".
    /// </returns>
    public List<string> Add(
        DiagnosisScenario scenario, DiagnosisResult result, DiagnosisResult baseline, double ms, double cpuMs,
        IReadOnlyList<(HashSet<string> Observable, IReadOnlyList<string> Twins)> truth, Func<string, bool> canFail)
    {
        _trials++;
        _ms.Add(ms);
        _cpuMs.Add(cpuMs);
        var (near, far) = Depth;
        var ranks = scenario.Causes.Select(c => Rank(result, c)).ToArray();
        var hit1 = ranks.All(r => r <= near);
        _top1 += hit1 ? 1 : 0;

        // Diagnostic only, not a ranking anyone can use: the same list with the CIs the generator never fails struck out.
        // The gap to top-1 is what the generator's choice of faulty CIs (a prior no engine is told) costs.
        var known = hit1 ? result.Causes : [.. result.Causes.Where(c => scenario.Causes.Contains(c.CiId) || canFail(c.CiId))];
        _knownSetTop1 += scenario.Causes.All(c => known.Take(near).Any(x => x.CiId == c)) ? 1 : 0;
        _top3 += ranks.All(r => r <= far) ? 1 : 0;
        var naiveRanks = scenario.Causes.Select(c => Rank(baseline, c)).ToArray();
        _naiveTop1 += naiveRanks.All(r => r <= near) ? 1 : 0;
        _naiveTop3 += naiveRanks.All(r => r <= far) ? 1 : 0;

        // Without a change on the cause, nothing in the scenario tells twins apart: a twin group of k is a 1-in-k guess.
        var ceiling = 1.0;
        for (var i = 0; i < truth.Count; i++)
        {
            if (truth[i].Twins.Count > 0 && !scenario.CauseChanged) ceiling /= 1 + truth[i].Twins.Count;
        }

        _ceiling += ceiling;
        var top = result.Causes.Take(near).ToList();
        if (truth.Any(t => t.Twins.Count > 0))
        {
            _indistinguishable++;
            _indistinctTop1 += hit1 ? 1 : 0;
            var groupHit = scenario.Causes.Select((c, i) => top.Any(x => x.CiId == c || truth[i].Twins.Contains(x.CiId))).All(h => h);
            _indistinctGroupTop1 += groupHit ? 1 : 0;
        }
        else
        {
            _distinctTop1 += hit1 ? 1 : 0;
            _distinctTop3 += ranks.All(r => r <= far) ? 1 : 0;
        }

        var why = new List<string>();
        for (var i = 0; i < truth.Count; i++)
        {
            if (ranks[i] <= near) continue;
            if (top.Any(x => !scenario.Causes.Contains(x.CiId) && !canFail(x.CiId))) _missNeverFails++;
            var reason = top.Any(x => truth[i].Twins.Contains(x.CiId)) ? "twin"
                : top.Any(x => truth[i].Observable.Contains(x.CiId) && !scenario.Causes.Contains(x.CiId)) ? "child"
                : top.Any(x => !scenario.Causes.Contains(x.CiId) && x.Evidence.Changes.Any(c => c.OnCandidate)) ? "decoy" : "other";
            if (reason == "twin") _missTwin++;
            else if (reason == "child") _missChild++;
            else if (reason == "decoy") _missDecoy++;
            else _missOther++;
            why.Add(reason);
        }

        return why;
    }

    public static string Header =>
        "| estate | setting | trials | indist. | top-1 | top-3 | top-1 / top-3 distinguishable | top-1 indist. (exact / group) | coin-flip ceiling | misses twin / child / decoy / other | of them to a CI never faulted | top-1 if never-faulted CIs were struck out | naive top-1 | naive top-3 | median ms | p90 ms | median CPU ms | p90 CPU ms |";

    public static string Rule => "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public string Row(string estate)
    {
        _ms.Sort();
        _cpuMs.Sort();
        var distinct = _trials - _indistinguishable;
        return $"| {estate} | {setting} | {_trials} | {_indistinguishable} | {P(_top1, _trials)} | {P(_top3, _trials)} | {P(_distinctTop1, distinct)} / {P(_distinctTop3, distinct)} | "
            + $"{P(_indistinctTop1, _indistinguishable)} / {P(_indistinctGroupTop1, _indistinguishable)} | {100.0 * _ceiling / _trials:F1} % | "
            + $"{_missTwin} / {_missChild} / {_missDecoy} / {_missOther} | {_missNeverFails} | {P(_knownSetTop1, _trials)} | {P(_naiveTop1, _trials)} | {P(_naiveTop3, _trials)} | "
            + $"{_ms[_ms.Count / 2]:F1} | {_ms[(int)(_ms.Count * 0.9)]:F1} | {_cpuMs[_cpuMs.Count / 2]:F1} | {_cpuMs[(int)(_cpuMs.Count * 0.9)]:F1} |";
    }

    private (int Near, int Far) Depth => setting == DiagnosisSetting.TwoFaults ? (2, 6) : (1, 3);

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
