using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>
    /// Gives every reached slot its state: the causes (the first <paramref name="causes"/> slots) are down, the rest
    /// the least fixpoint of the propagation rules over the links between reached slots. Each predecessor explains
    /// the state: its CI is at least as badly affected, and following predecessors reaches a cause without a loop.
    /// </summary>
    /// <remarks>
    /// The fixpoint in three passes instead of a worklist of state changes. (1) Down spreads from the causes: the
    /// slots are read in reach order, and each down slot passes trouble over its links in row order; a redundant link
    /// into a CI with minHealthy only counts a failed alternative, and the CI goes down once fewer than minHealthy
    /// alternatives are left; a CI that goes down after its own links were read is queued and read again at once.
    /// (2) Degraded: a CI with minHealthy that lost an alternative without going down, and, along redundant links, CIs
    /// with minHealthy whose alternative is degraded. (3) Every other reached CI is at risk: it is reached through CIs
    /// that are at least at risk, and keeps the reaching pass's predecessor (which comes before it in reach order).
    /// Alternatives are only counted for CIs that lose one. A walk over the propagation rows runs pass 1 itself
    /// (<see cref="Walk"/>, same order, so both walks give the same states and predecessors).
    /// </remarks>
    public static void Settle(GraphIndex graph, TraversalRules rules, TraversalScratch s, int causes)
    {
        var state = s.State;
        if (s.Settled)
        {
            if (s.Absorbed && s.Propagation is { } walked) SpreadDegradedRows(rules, s, walked);
            return; // nothing absorbed: every reached CI went down in the walk
        }

        state.AsSpan(0, causes).Fill(ImpactState.Down);
        if (!NeedsWorklist(rules, s, causes))
        {
            state.AsSpan(causes, s.Count - causes).Fill(ImpactState.Down);
            return;
        }

        state.AsSpan(causes, s.Count - causes).Clear();
        s.FailedAlternatives.AsSpan(0, s.Count).Clear();
        s.Absorbed = false;
        SpreadDown(graph, rules, s, causes);
        if (s.Absorbed) SpreadDegraded(s);
    }

    private static bool NeedsWorklist(TraversalRules rules, TraversalScratch s, int causes)
    {
        if (!rules.AnyRedundant) return false;
        for (var i = causes; i < s.Count; i++)
        {
            if (s.MinHealthy[i] <= 0) continue;
            return s.Linked ? true : throw new InvalidOperationException("Settling redundancy needs the links of a reaching pass run for settling.");
        }

        return false;
    }

    /// <summary>Pass 1 over the recorded links. A CI that lost an alternative but not enough is left degraded for now.</summary>
    private static void SpreadDown(GraphIndex graph, TraversalRules rules, TraversalScratch s, int causes)
    {
        var state = s.State;
        for (var head = 0; head < s.Count; head++)
        {
            if (state[head] != ImpactState.Down) continue;
            var queued = 0;
            for (int k = s.LinkStart[head], end = s.LinkStart[head + 1]; k < end; k++)
            {
                var v = s.LinkSlot[k];
                if (state[v] == ImpactState.Down) continue; // the causes too
                if (Fail(graph, rules, s, causes, v, s.LinkEdge[k], s.LinkRedundant[k]) && v <= head) s.Work[queued++] = v;
            }

            for (var q = 0; q < queued; q++)
            {
                var u = s.Work[q];
                for (int k = s.LinkStart[u], end = s.LinkStart[u + 1]; k < end; k++)
                {
                    var v = s.LinkSlot[k];
                    if (state[v] == ImpactState.Down) continue;
                    if (Fail(graph, rules, s, causes, v, s.LinkEdge[k], s.LinkRedundant[k]) && v <= head) s.Work[queued++] = v;
                }
            }
        }
    }

    /// <summary>Passes 2 and 3: degraded spreads along redundant links into CIs with minHealthy; the rest is at risk.</summary>
    private static void SpreadDegraded(TraversalScratch s)
    {
        var state = s.State;
        var queue = s.Work;
        var tail = QueueDegraded(s);

        for (var head = 0; head < tail; head++)
        {
            var u = queue[head];
            for (int k = s.LinkStart[u], end = s.LinkStart[u + 1]; k < end; k++)
            {
                var v = s.LinkSlot[k];
                if (state[v] != ImpactState.None || !s.LinkRedundant[k] || s.MinHealthy[v] <= 0) continue;
                state[v] = ImpactState.Degraded;
                s.Pred[v] = s.LinkEdge[k];
                queue[tail++] = v;
            }
        }

        AtRiskRest(s);
    }

    /// <summary>
    /// Counts the live redundant relationships through which trouble could reach the slot's CI (when the compact facts
    /// hold the count, <see cref="Fail"/> takes it from there: see <see cref="TraversalScratch.AlternativesInFacts"/>).
    /// </summary>
    private static int CountAlternatives(GraphIndex graph, TraversalRules rules, TraversalScratch s, int slot, int causes)
    {
        if (s.Propagation is { } rows && !rules.FiltersTypes && (!s.AnyTouched || !rows.Adjacency.IsDirty(s.NodeOf(slot))))
        {
            var local = s.Local[slot];
            if (rows.RedundantRow(local) is var row && row >= 0) return CountAlternatives(graph, rules, s, rows, row);
        }

        var node = s.NodeOf(slot);
        var n = 0;
        var outgoing = new IncidentCursor(s.View, true, rules.FollowIn, node, rules.Seq);
        while (outgoing.MoveNext())
        {
            if (IsAlternative(graph, rules, s, causes, outgoing.Type, outgoing.Other, node)) n++;
        }

        var incoming = new IncidentCursor(s.View, false, rules.FollowOut, node, rules.Seq);
        while (incoming.MoveNext())
        {
            if (IsAlternative(graph, rules, s, causes, incoming.Type, incoming.Other, node)) n++;
        }

        return n;
    }

    /// <summary>
    /// The same count from the propagation rows' redundant entries into the node (which an untouched node's
    /// relationships still match): a reached alternative was judged by the reaching pass already (a slot: it takes part
    /// or is a cause; excluded: it does not); only the others' facts are read.
    /// </summary>
    private static int CountAlternatives(GraphIndex graph, TraversalRules rules, TraversalScratch s, PropagationRows rows, int row)
    {
        if (rows.AllAlternativesTakePart(row) && rows.Adjacency.FactsChanged is null) return rows.RedundantStart[row + 1] - rows.RedundantStart[row];
        var n = 0;
        var mark = s.LocalMark;
        var stamp = s.LocalStamp;
        var from = rows.RedundantFrom;
        for (int k = rows.RedundantStart[row], end = rows.RedundantStart[row + 1]; k < end; k++)
        {
            var u = from[k];
            var m = mark[u];
            if ((m & TraversalScratch.StampMask) == stamp) n += (m & TraversalScratch.SlotMask) != TraversalScratch.ExcludedSlot ? 1 : 0;
            else if (TakesPart(graph, rules, s.View.Facts, rows.ToPublic[u])) n++;
        }

        return n;
    }

    /// <remarks>A cause counts even when retired: it was named explicitly, and its failure is counted.</remarks>
    private static bool IsAlternative(GraphIndex graph, TraversalRules rules, TraversalScratch s, int causes, int type, int other, int node)
    {
        if (!rules.Redundant[type] || other == node) return false;
        return TakesPart(graph, rules, s.View.Facts, other) || (s.TrySlot(other, out var slot) && slot >= 0 && slot < causes);
    }

    /// <summary><see cref="Takes"/> from the packed facts when they answer (no state object).</summary>
    private static bool TakesPart(GraphIndex graph, TraversalRules rules, long[] facts, int node)
    {
        if (2 * node < facts.Length)
        {
            var first = Volatile.Read(ref facts[2 * node]);
            if (PackedFacts.IsState(first) && PackedFacts.Since(first) <= rules.Seq) return rules.IncludeRetired || !PackedFacts.IsRetired(first);
        }

        return Takes(graph, rules, node, out _);
    }
}
