using System.Runtime.CompilerServices;
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
    /// <summary>
    /// Walks from <paramref name="starts"/> (slots 0..n-1, depth 0); returns the number of distinct starts. With
    /// <paramref name="forSettle"/> it also records the links between reached slots that <see cref="Settle"/> walks
    /// (when any redundant type is followed), so settling never looks up a node or an edge again.
    /// </summary>
    public static int Reach(GraphIndex graph, TraversalRules rules, ReadOnlySpan<int> starts, TraversalScratch s, bool forSettle = false)
    {
        var view = graph.View(); // the rules' commit was read before: see GraphIndex.View
        s.View = view;
        s.Edges = view.Edges;
        s.EnsureNodes(view.NodeCount);
        foreach (var start in starts)
        {
            if (s.TrySlot(start, out _)) continue;
            s.Add(start, 0, -1, graph.StateAt(start, rules.Seq)?.MinHealthy ?? 0);
        }

        var causes = s.Count;
        var adjacency = view.Adjacency;
        var fast = rules.Seq >= adjacency.StableFrom;
        var link = forSettle && rules.AnyRedundant;
        s.Linked = link;
        for (var head = 0; head < s.Count; head++)
        {
            // Breadth-first: every later slot is at least this deep. Past the limit only links are still recorded.
            var grow = s.Depth[head] < rules.MaxDepth;
            if (!grow && !link) break;
            if (link) s.LinkStart[head] = s.LinkCount;
            var u = s.Node[head];
            var depth = s.Depth[head] + 1;
            Expand(graph, rules, s, view, adjacency.Out, view.OutOwn, rules.FollowOut, view.Edges.Target, u, depth, fast, grow, link);
            Expand(graph, rules, s, view, adjacency.In, view.InOwn, rules.FollowIn, view.Edges.Source, u, depth, fast, grow, link);
        }

        if (link) s.LinkStart[s.Count] = s.LinkCount;
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

    /// <summary>
    /// Visits the unseen neighbours of <paramref name="u"/> in one direction (when <paramref name="grow"/>) and links
    /// it to the reached ones (when <paramref name="link"/>). Cheapest tests first: the type, then "seen already";
    /// a stable compact entry needs no interval check at all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Expand(
        GraphIndex graph, TraversalRules rules, TraversalScratch s, in TopologyView view, AdjacencyRows rows, int[]?[] own,
        bool[] follow, EdgeEnds otherEnd, int u, int depth, bool fast, bool grow, bool link)
    {
        var mark = s.Mark;
        var generation = s.Generation;
        var edges = view.Edges;
        var seq = rules.Seq;
        if (u < own.Length && Volatile.Read(ref own[u]) is { } row)
        {
            var count = Volatile.Read(ref row[0]);
            for (var i = 1; i <= count; i++)
            {
                var e = row[i];
                if (e >= edges.Count) continue;
                var type = edges.Type[e];
                if (!follow[type]) continue;
                Meet(graph, rules, s, view, mark[otherEnd[e]], otherEnd[e], u, e, type, depth, generation, grow, link, Alive(edges, e, seq));
            }

            return;
        }

        var start = rows.Start;
        if (u >= start.Length - 1) return;
        var end = start[u + 1];
        var packed = rows.Packed;
        for (var i = start[u]; i < end; i++)
        {
            var p = packed[i];
            var type = AdjacencyRows.Type(p);
            if (!follow[type]) continue;
            var v = AdjacencyRows.Neighbour(p);
            var m = mark[v];
            var seen = (int)(m >> 32) == generation;
            if (seen ? !link || (int)m < 0 || v == u : !grow) continue;
            var e = rows.Edge[i];
            var alive = (fast && AdjacencyRows.IsStable(p)) || (e < edges.Count && Alive(edges, e, seq));
            Meet(graph, rules, s, view, m, v, u, e, type, depth, generation, grow, link, alive);
        }
    }

    /// <summary>One followed edge from <paramref name="u"/> to <paramref name="v"/> (whose mark is <paramref name="m"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Meet(
        GraphIndex graph, TraversalRules rules, TraversalScratch s, in TopologyView view, long m, int v, int u, int e, int type,
        int depth, int generation, bool grow, bool link, bool alive)
    {
        if (!alive) return;
        if ((int)(m >> 32) == generation)
        {
            if (link && (int)m >= 0 && v != u) s.Link((int)m, e, rules.Redundant[type]);
            return;
        }

        if (!grow) return;
        var slot = Visit(graph, rules, s, view, v, depth, e);
        if (link && slot >= 0) s.Link(slot, e, rules.Redundant[type]);
    }

    /// <summary>Gives a newly met node a slot, or marks it excluded (-1).</summary>
    private static int Visit(GraphIndex graph, TraversalRules rules, TraversalScratch s, in TopologyView view, int node, int depth, int edge)
    {
        var packed = Volatile.Read(ref view.Facts[2 * node]);
        if (PackedFacts.IsState(packed) && PackedFacts.Since(packed) <= rules.Seq)
        {
            if (!PackedFacts.IsRetired(packed) || rules.IncludeRetired) return s.Add(node, depth, edge, PackedFacts.MinHealthy(packed));
            s.Exclude(node);
            return -1;
        }

        if (!Takes(graph, rules, node, out var state))
        {
            s.Exclude(node);
            return -1;
        }

        return s.Add(node, depth, edge, state.MinHealthy);
    }
}
