using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>
    /// Gives every reached slot its state: the causes (the first <paramref name="causes"/> slots) are down, the rest
    /// the least fixpoint of the propagation rules over the reached set. Predecessors become the edge that last made a
    /// CI worse, so a path always explains the state.
    /// </summary>
    public static void Settle(GraphIndex graph, TraversalRules rules, TraversalScratch s, int causes)
    {
        for (var i = 0; i < causes; i++) s.State[i] = ImpactState.Down;
        if (!NeedsWorklist(rules, s, causes))
        {
            s.State.AsSpan(causes, s.Count - causes).Fill(ImpactState.Down);
            return;
        }

        s.State.AsSpan(causes, s.Count - causes).Clear();
        s.Propagated.AsSpan(0, s.Count).Clear();
        s.Queued.AsSpan(0, s.Count).Clear();
        for (var i = causes; i < s.Count; i++)
        {
            if (s.MinHealthy[i] > 0) CountAlternatives(graph, rules, s, i, causes);
        }

        int head = 0, queued = 0, capacity = s.Count;
        for (var i = 0; i < causes; i++) Enqueue(s, i, ref queued, capacity, head);
        while (queued > 0)
        {
            var u = s.Work[head];
            head = (head + 1) % capacity;
            queued--;
            s.Queued[u] = false;
            var before = s.Propagated[u];
            var now = s.State[u];
            if (now == before) continue;
            s.Propagated[u] = now;
            if (s.Linked)
            {
                for (int k = s.LinkStart[u], end = s.LinkStart[u + 1]; k < end; k++)
                {
                    var v = s.LinkSlot[k];
                    if (v >= causes) OfferSlot(s, rules, v, s.LinkEdge[k], s.LinkType[k], before, now, ref queued, capacity, head);
                }

                continue;
            }

            var node = s.Node[u];
            var outgoing = new IncidentCursor(s.View, true, rules.FollowOut, node, rules.Seq);
            while (outgoing.MoveNext()) Offer(s, rules, outgoing.Other, node, outgoing.Edge, outgoing.Type, before, now, causes, ref queued, capacity, head);
            var incoming = new IncidentCursor(s.View, false, rules.FollowIn, node, rules.Seq);
            while (incoming.MoveNext()) Offer(s, rules, incoming.Other, node, incoming.Edge, incoming.Type, before, now, causes, ref queued, capacity, head);
        }
    }

    private static bool NeedsWorklist(TraversalRules rules, TraversalScratch s, int causes)
    {
        if (!rules.AnyRedundant) return false;
        for (var i = causes; i < s.Count; i++)
        {
            if (s.MinHealthy[i] > 0) return true;
        }

        return false;
    }

    private static void Offer(
        TraversalScratch s, TraversalRules rules, int target, int from, int edge, int type, ImpactState before, ImpactState now,
        int causes, ref int queued, int capacity, int head)
    {
        if (target == from || !s.TrySlot(target, out var v) || v < causes) return; // self-loops, unreached, causes
        OfferSlot(s, rules, v, edge, type, before, now, ref queued, capacity, head);
    }

    private static void OfferSlot(
        TraversalScratch s, TraversalRules rules, int v, int edge, int type, ImpactState before, ImpactState now, ref int queued, int capacity, int head)
    {
        ImpactState offered;
        if (rules.Redundant[type] && s.MinHealthy[v] > 0)
        {
            Tally(s, v, before, -1);
            Tally(s, v, now, +1);
            offered = GroupState(s, v);
        }
        else
        {
            offered = now == ImpactState.Down ? ImpactState.Down : ImpactState.AtRisk;
        }

        if (offered <= s.State[v]) return;
        s.State[v] = offered;
        s.Pred[v] = edge;
        if (!s.Queued[v]) Enqueue(s, v, ref queued, capacity, head);
    }

    /// <summary>
    /// A CI with minHealthy is down once a failure leaves fewer than minHealthy of its alternatives; degraded while any
    /// alternative failed or is itself degraded; at risk while an alternative is only at risk.
    /// </summary>
    private static ImpactState GroupState(TraversalScratch s, int v)
    {
        var failed = s.FailedAlternatives[v];
        if (failed > 0 && s.Alternatives[v] - failed < s.MinHealthy[v]) return ImpactState.Down;
        if (failed > 0 || s.DegradedAlternatives[v] > 0) return ImpactState.Degraded;
        return s.AtRiskAlternatives[v] > 0 ? ImpactState.AtRisk : ImpactState.None;
    }

    private static void Tally(TraversalScratch s, int v, ImpactState state, int delta)
    {
        switch (state)
        {
            case ImpactState.Down: s.FailedAlternatives[v] += delta; break;
            case ImpactState.Degraded: s.DegradedAlternatives[v] += delta; break;
            case ImpactState.AtRisk: s.AtRiskAlternatives[v] += delta; break;
            default: break;
        }
    }

    private static void Enqueue(TraversalScratch s, int slot, ref int queued, int capacity, int head)
    {
        s.Work[(head + queued) % capacity] = slot;
        queued++;
        s.Queued[slot] = true;
    }

    /// <summary>Counts the live redundant relationships through which trouble could reach the slot's CI.</summary>
    private static void CountAlternatives(GraphIndex graph, TraversalRules rules, TraversalScratch s, int slot, int causes)
    {
        var node = s.Node[slot];
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

        s.Alternatives[slot] = n;
        s.FailedAlternatives[slot] = 0;
        s.DegradedAlternatives[slot] = 0;
        s.AtRiskAlternatives[slot] = 0;
    }

    /// <remarks>A cause counts even when retired: it was named explicitly, and its failure is counted.</remarks>
    private static bool IsAlternative(GraphIndex graph, TraversalRules rules, TraversalScratch s, int causes, int type, int other, int node)
    {
        if (!rules.Redundant[type] || other == node) return false;
        return Takes(graph, rules, other, out _) || (s.TrySlot(other, out var slot) && slot >= 0 && slot < causes);
    }
}
