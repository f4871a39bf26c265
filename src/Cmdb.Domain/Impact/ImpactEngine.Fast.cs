using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>Class, environment and criticality not at hand: read them from the packed facts or <see cref="GraphIndex.StateAt"/>.</summary>
    internal const long NoInfo = long.MinValue;

    /// <summary>Tests: walk only the general rows on this thread (to compare both walks).</summary>
    [ThreadStatic]
    internal static bool t_generalRowsOnly;

    /// <summary>Tests: walks on this thread that the propagation rows answered.</summary>
    [ThreadStatic]
    internal static int t_propagationWalks;

    /// <summary>
    /// <see cref="Reach"/> for impact (downstream rules, ready for <see cref="Settle"/>): over the
    /// <see cref="PropagationRows"/> when they can answer — the commit is at or after their compaction's last change
    /// and every node the walk expands is untouched since — and over the general rows otherwise. Both walks meet the
    /// same entries in the same order, so they give the same slots, distances, links and explanations.
    /// </summary>
    public static int ReachDownstream(GraphIndex graph, TraversalRules rules, ReadOnlySpan<int> starts, TraversalScratch s)
    {
        var view = graph.View(); // the rules' commit was read before: see GraphIndex.View
        if (rules.IsDownstream && !t_generalRowsOnly && view.Adjacency.Propagation(graph.Model, view.Facts) is { } rows && rules.Seq >= rows.ValidFrom
            && TryReachFast(graph, rules, starts, s, view, rows, out var causes))
        {
            t_propagationWalks++;
            return causes;
        }

        s.Restart();
        return Reach(graph, rules, starts, s, forSettle: true);
    }

    private static bool TryReachFast(
        GraphIndex graph, TraversalRules rules, ReadOnlySpan<int> starts, TraversalScratch s, in TopologyView view, PropagationRows rows, out int causes)
    {
        causes = 0;
        var toLocal = rows.ToLocal;
        if (rows.NodeCount >= TraversalScratch.ExcludedSlot) return false; // a slot must fit in a mark's 23 bits
        foreach (var start in starts)
        {
            if ((uint)start >= (uint)toLocal.Length) return false;
        }

        s.View = view;
        s.Edges = view.Edges;
        s.EnsureNodes(view.NodeCount);
        s.Propagation = rows;
        s.ToLocal = toLocal;
        s.BeginLocal(rows.NodeCount);
        foreach (var start in starts)
        {
            if (s.TrySlot(start, out _)) continue;
            s.Add(start, 0, -1, graph.StateAt(start, rules.Seq)?.MinHealthy ?? 0, toLocal[start]);
        }

        causes = s.Count;
        s.Linked = false; // settling reads the rows when it needs links: see SpreadDownRows
        // No overlay row at all when the view was taken: no node can be touched at or before this commit.
        var anyTouched = view.OutOwn.Length > 0 || view.InOwn.Length > 0;
        return Walk(graph, rules, s, view.Facts, rows, anyTouched, causes);
    }

    /// <summary>
    /// Gives a newly met node a slot from its full facts as of the walk's commit (the compact copy did not answer), or
    /// marks it excluded (-1). The slot's <see cref="TraversalScratch.SlotFacts"/> stay unknown: the summary reads its
    /// facts by node.
    /// </summary>
    private static int VisitLocal(GraphIndex graph, TraversalRules rules, TraversalScratch s, long[] facts, int node, int local, int depth, int entry)
    {
        var first = Volatile.Read(ref facts[2 * node]);
        if (PackedFacts.IsState(first) && PackedFacts.Since(first) <= rules.Seq)
        {
            if (!PackedFacts.IsRetired(first) || rules.IncludeRetired) return s.Add(node, depth, entry, PackedFacts.MinHealthy(first), local);
            s.LocalMark[local] = s.LocalStamp | TraversalScratch.ExcludedSlot;
            return -1;
        }

        if (!Takes(graph, rules, node, out var state))
        {
            s.LocalMark[local] = s.LocalStamp | TraversalScratch.ExcludedSlot;
            return -1;
        }

        return s.Add(node, depth, entry, state.MinHealthy, local);
    }
}
