using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <summary>
/// The traversal core. <see cref="Reach"/> is a breadth-first walk that finds every CI within the depth limit and its
/// shortest distance; <see cref="Settle"/> then computes states as the least fixpoint over that set.
/// </summary>
/// <remarks>
/// Without redundancy every reached CI is down (a down cause takes down whatever hard-depends on it), so
/// <see cref="Settle"/> only runs its worklist when a reached CI has <c>minHealthy</c> and a redundant type is followed.
/// The worklist terminates on any graph: a CI is queued only when its state gets strictly worse, which happens at
/// most three times.
/// </remarks>
internal static partial class ImpactEngine
{
    /// <summary>Walks from <paramref name="starts"/> (slots 0..n-1, depth 0); returns the number of distinct starts.</summary>
    public static int Reach(GraphIndex graph, TraversalRules rules, ReadOnlySpan<int> starts, TraversalScratch s)
    {
        // Edges first, then the node count: every node an edge in this snapshot touches is below that count.
        var edges = graph.Arrays;
        s.Edges = edges;
        s.EnsureNodes(graph.NodeCount);
        foreach (var start in starts)
        {
            if (s.TrySlot(start, out _)) continue;
            s.Add(start, 0, -1, graph.StateAt(start, rules.Seq)?.MinHealthy ?? 0);
        }

        var causes = s.Count;
        var followOut = rules.FollowOut;
        var followIn = rules.FollowIn;
        var seq = rules.Seq;
        var stamp = s.Stamp;
        var generation = s.Generation;
        for (var head = 0; head < s.Count; head++)
        {
            var depth = s.Depth[head];
            if (depth >= rules.MaxDepth) break; // breadth-first: every later slot is at least this deep
            var u = s.Node[head];

            // Cheapest tests first: the type, then "seen already" — most edges stop there without reading their interval.
            foreach (var e in graph.OutEdges(u))
            {
                if (e >= edges.Count || !followOut[edges.Type[e]]) continue;
                var v = edges.Target[e];
                if (stamp[v] != generation && Alive(edges, e, seq)) Visit(graph, rules, s, v, depth + 1, e);
            }

            foreach (var e in graph.InEdges(u))
            {
                if (e >= edges.Count || !followIn[edges.Type[e]]) continue;
                var v = edges.Source[e];
                if (stamp[v] != generation && Alive(edges, e, seq)) Visit(graph, rules, s, v, depth + 1, e);
            }
        }

        return causes;
    }

    internal static bool Alive(in EdgeArrays edges, int e, int seq) =>
        edges.ValidFrom[e] <= seq && seq < Volatile.Read(ref edges.ValidTo[e]);

    /// <summary>True when the node existed at the rules' commit and takes part (not retired, unless asked).</summary>
    internal static bool Takes(GraphIndex graph, TraversalRules rules, int node, out NodeState state)
    {
        state = graph.StateAt(node, rules.Seq)!;
        return state is not null && (rules.IncludeRetired || !state.IsRetired);
    }

    private static void Visit(GraphIndex graph, TraversalRules rules, TraversalScratch s, int node, int depth, int edge)
    {
        if (!Takes(graph, rules, node, out var state))
        {
            s.Exclude(node);
            return;
        }

        s.Add(node, depth, edge, state.MinHealthy);
    }
}
