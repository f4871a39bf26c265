using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <summary>
/// Impact analysis over the in-memory topology: what trouble in some CIs reaches (<see cref="Impact"/>), what a CI
/// needs (<see cref="Dependencies"/>), how one CI needs another (<see cref="Paths"/>) and which CIs a service cannot
/// lose (<see cref="SinglePointsOfFailure"/>). Trouble travels only as each relationship type's propagation says;
/// the analyzer never looks at type or class names except to find business services. Stateless and thread-safe.
/// </summary>
public sealed partial class ImpactAnalyzer
{
    public ImpactAnalyzer(ImpactOptions? options = null)
    {
        Options = options ?? new ImpactOptions();
    }

    public ImpactOptions Options { get; }

    /// <summary>Every CI that trouble in <paramref name="ciIds"/> (all at once) reaches, with state, depth and why.</summary>
    public ImpactResult Impact(GraphIndex graph, IReadOnlyCollection<string> ciIds, ImpactScope? scope = null)
    {
        scope ??= ImpactScope.Default;
        var rules = Downstream(graph, scope);
        var environments = ResolveEnvironments(graph, scope.Environments);
        var starts = ResolveCis(graph, ciIds, rules.Seq);
        var s = TraversalScratch.Rent(graph.NodeCount);
        try
        {
            var causes = ImpactEngine.ReachDownstream(graph, rules, starts, s);
            ImpactEngine.Settle(graph, rules, s, causes);
            var counts = s.Propagation is null ? null : ImpactCounts.FromWalk(graph, rules.Seq, s, environments);
            return new ImpactResult(ReachedSet.Pooled(graph, rules.Seq, s, causes), counts, environments, Followed(rules));
        }
        finally
        {
            TraversalScratch.Return(s);
        }
    }

    /// <summary>Everything <paramref name="ciId"/> needs: the CIs whose trouble would reach it, following propagation backwards.</summary>
    public DependencyResult Dependencies(GraphIndex graph, string ciId, ImpactScope? scope = null)
    {
        scope ??= ImpactScope.Default;
        var rules = Upstream(graph, scope);
        var environments = ResolveEnvironments(graph, scope.Environments);
        var start = ResolveCis(graph, [ciId], rules.Seq);
        var s = TraversalScratch.Rent(graph.NodeCount);
        try
        {
            var starts = ImpactEngine.Reach(graph, rules, start, s);
            return new DependencyResult(new ReachedSet(graph, rules.Seq, s, starts), environments, Followed(rules));
        }
        finally
        {
            TraversalScratch.Return(s);
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> shortest loopless paths by which <paramref name="fromCiId"/> needs
    /// <paramref name="toCiId"/>: each walks from <paramref name="fromCiId"/> against propagation, so trouble in
    /// <paramref name="toCiId"/> reaches <paramref name="fromCiId"/> along it (in reverse). Shortest first, then by
    /// relationship order; at most the scope's depth long.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<PathStep>> Paths(GraphIndex graph, string fromCiId, string toCiId, int count = 1, ImpactScope? scope = null)
    {
        scope ??= ImpactScope.Default;
        if (count < 1 || count > Options.MaxPathCount)
            throw CmdbException.Invalid($"Ask for between 1 and {Options.MaxPathCount} paths; got {count}.", "count");
        var rules = Upstream(graph, scope);
        var ends = ResolveCis(graph, [fromCiId, toCiId], rules.Seq);
        if (ends[0] == ends[1]) throw CmdbException.Invalid($"'from' and 'to' are the same CI '{fromCiId}'; a path needs two CIs.", "to");
        var found = new KShortestPaths(graph, rules).Find(ends[0], ends[1], count);
        var result = new List<IReadOnlyList<PathStep>>(found.Count);
        foreach (var path in found)
        {
            var steps = new PathStep[path.Edges.Count];
            for (var i = 0; i < steps.Length; i++) steps[i] = ReachedSet.Step(graph, path.Edges[i], path.Nodes[i], path.Nodes[i + 1]);
            result.Add(steps);
        }

        return result;
    }

    private static bool[] Followed(TraversalRules rules)
    {
        var followed = new bool[rules.FollowOut.Length];
        for (var t = 0; t < followed.Length; t++) followed[t] = rules.FollowOut[t] || rules.FollowIn[t];
        return followed;
    }
}
