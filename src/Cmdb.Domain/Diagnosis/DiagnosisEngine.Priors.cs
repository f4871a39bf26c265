using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Diagnosis;

public sealed partial class DiagnosisEngine
{
    /// <summary>
    /// Log prior odds per candidate: its class (a logical group fails as a whole less often than a concrete CI), the
    /// strongest change on it (decayed with age before the start), the strongest change on a direct neighbour (at a lower
    /// weight), a firing event on it, and its past record as a root cause.
    /// </summary>
    private double[] Priors(DiagnosisScope scope, DiagnosisEvidence evidence, string[] ids, Dictionary<int, int> indexOf)
    {
        var priors = new double[ids.Length];
        var groups = ClassFlags(scope.Graph.Model, Options.LogicalGroupClasses);
        var groupPrior = Options.Ranking == DiagnosisRanking.Probabilistic ? Options.LogicalGroupPrior : 0; // the naive baseline stays as it was
        for (var i = 0; i < ids.Length; i++)
        {
            var p = groups[scope.Graph.StateAt(scope.CandidateNodes[i], scope.Seq)!.ClassIndex] ? groupPrior : 0.0;
            if (evidence.Changes.TryGetValue(ids[i], out var changes)) p += Strongest(changes, scope, weightScale: 1);
            if (evidence.Events.TryGetValue(ids[i], out var events) && events.Any(e => Firing(e, scope))) p += Options.FiringEventWeight;
            if (evidence.PastRootCauses.TryGetValue(ids[i], out var past) && past > 0) p += Options.PastRootCauseWeight * Math.Log(1 + past);
            priors[i] = p;
        }

        var graph = scope.Graph;
        var neighbour = new Dictionary<int, double>();
        foreach (var (ciId, changes) in evidence.Changes)
        {
            if (!graph.TryGetNode(ciId, out var node)) continue;
            var w = Strongest(changes, scope, Options.NeighbourChangeWeight);
            if (w <= 0) continue;
            foreach (var n in Neighbours(graph, node, scope.Seq))
            {
                if (indexOf.TryGetValue(n, out var i) && (!neighbour.TryGetValue(i, out var had) || had < w)) neighbour[i] = w;
            }
        }

        foreach (var (i, w) in neighbour) priors[i] += w;
        return priors;
    }

    internal double ChangeWeight(DiagnosisChange change, DiagnosisScope scope)
    {
        if (change.At > scope.Request.StartedAt || change.At < scope.WindowStart) return 0;
        var kind = change.Kind switch
        {
            DiagnosisChangeKind.ChangeRecord => Options.RecordedChangeWeight,
            DiagnosisChangeKind.Discovered => Options.DiscoveredChangeWeight,
            _ => Options.ManualChangeWeight,
        };
        var ageHours = (scope.Request.StartedAt - change.At).TotalHours;
        var weight = kind * Math.Pow(0.5, ageHours / Options.ChangeHalfLifeHours);
        return change.Bookkeeping ? weight * Options.BookkeepingChangeFactor : weight;
    }

    private double Strongest(IReadOnlyList<DiagnosisChange> changes, DiagnosisScope scope, double weightScale)
    {
        var best = 0.0;
        foreach (var c in changes) best = Math.Max(best, ChangeWeight(c, scope));
        return best * weightScale;
    }

    internal static bool Firing(DiagnosisEvent e, DiagnosisScope scope) =>
        e.StartsAt <= scope.Request.StartedAt && (e.EndsAt is null || e.EndsAt > scope.WindowStart);

    private static Dictionary<int, int> IndexOf(int[] candidates)
    {
        var map = new Dictionary<int, int>(candidates.Length);
        for (var i = 0; i < candidates.Length; i++) map[candidates[i]] = i;
        return map;
    }

    /// <summary>Live CIs and live monitored CIs at the seq: the populations faults and noise are drawn from.</summary>
    private static (int Live, int Monitored) Population(GraphIndex graph, int seq, bool[] monitored)
    {
        int live = 0, watched = 0;
        var count = graph.NodeCount;
        for (var n = 0; n < count; n++)
        {
            if (graph.StateAt(n, seq) is not { IsRetired: false } s) continue;
            live++;
            if (monitored[s.ClassIndex]) watched++;
        }

        return (live, watched);
    }
}
