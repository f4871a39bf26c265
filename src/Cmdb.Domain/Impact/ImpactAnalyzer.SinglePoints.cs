using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

public sealed partial class ImpactAnalyzer
{
    /// <summary>
    /// The CIs whose loss alone takes <paramref name="serviceCiId"/> down, redundancy considered: each CI the service
    /// needs (within the scope's depth) is failed on its own, and kept when the service comes out down.
    /// </summary>
    /// <remarks>
    /// One full impact run per candidate: it decides whether the service goes down and counts what else does, for the
    /// ranking. (A run restricted to the closure would be cheaper for non-candidates but disagrees at the depth limit,
    /// where an alternative just outside the closure can still fail.) Cost: candidates x average impact size.
    /// The environment filter limits which CIs are reported.
    /// </remarks>
    public SinglePointsOfFailureResult SinglePointsOfFailure(GraphIndex graph, string serviceCiId, ImpactScope? scope = null)
    {
        scope ??= ImpactScope.Default;
        var upstream = Upstream(graph, scope);
        var downstream = Downstream(graph, scope);
        var environments = ResolveEnvironments(graph, scope.Environments);
        var service = ResolveCis(graph, [serviceCiId], upstream.Seq)[0];

        int[] candidates, depths;
        var s = TraversalScratch.Rent(graph.NodeCount);
        try
        {
            ImpactEngine.Reach(graph, upstream, [service], s);
            candidates = s.Node.AsSpan(1, s.Count - 1).ToArray();
            depths = s.Depth.AsSpan(1, s.Count - 1).ToArray();
        }
        finally
        {
            TraversalScratch.Return(s);
        }

        var found = new List<SinglePointOfFailure>();
        for (var i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            var facts = graph.StateAt(candidate, upstream.Seq)!;
            if (environments is not null && !(facts.EnvironmentIndex < environments.Length && environments[facts.EnvironmentIndex])) continue;
            if (Lose(graph, downstream, candidate, service, out var down) != ImpactState.Down) continue;
            found.Add(new SinglePointOfFailure(graph.CiId(candidate), graph.Model.Classes[facts.ClassIndex].Name, depths[i], down));
        }

        found.Sort((a, b) => a.DownCount != b.DownCount ? b.DownCount.CompareTo(a.DownCount)
            : a.Depth != b.Depth ? a.Depth.CompareTo(b.Depth)
            : string.CompareOrdinal(a.CiId, b.CiId));
        return new SinglePointsOfFailureResult(serviceCiId, found, candidates.Length);
    }

    /// <summary>Fails <paramref name="candidate"/> alone; returns the service's state and how many other CIs went down.</summary>
    private static ImpactState Lose(GraphIndex graph, TraversalRules rules, int candidate, int service, out int down)
    {
        var s = TraversalScratch.Rent(graph.NodeCount);
        try
        {
            var causes = ImpactEngine.ReachDownstream(graph, rules, [candidate], s);
            ImpactEngine.Settle(graph, rules, s, causes);
            down = 0;
            for (var i = causes; i < s.Count; i++)
            {
                if (s.State[i] == ImpactState.Down) down++;
            }

            return s.TrySlot(service, out var slot) && slot >= 0 ? s.State[slot] : ImpactState.None;
        }
        finally
        {
            TraversalScratch.Return(s);
        }
    }
}
