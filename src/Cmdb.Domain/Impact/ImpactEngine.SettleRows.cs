using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <remarks>
/// Settling after a walk over the propagation rows, which records no links: the links of a slot are read from its
/// row when the pass needs them — in row order, the followed entries to another reached slot. The walk met every
/// entry of every reached CI's row (past the depth limit none was unseen), so a neighbour reached now was reached
/// when the walk met the entry: these are exactly the links <see cref="Reach"/> records, in the same order, and the
/// passes below are <see cref="SpreadDown"/> and <see cref="SpreadDegraded"/> over them.
/// </remarks>
internal static partial class ImpactEngine
{
    /// <summary>
    /// False when no redundant link from a reached CI can enter the slot's CI, so trouble that reaches it is never
    /// absorbed (if no slot may absorb, every reached CI is down and settling has nothing to do). Every reached CI's
    /// row is untouched (the walk checked), so its links are a subset of its row.
    /// </summary>
    private static bool MayAbsorb(TraversalScratch s, PropagationRows rows, int slot)
    {
        var local = s.Local[slot];
        if (!rows.HasRedundantInto(local)) return false;
        var row = rows.RedundantRow(local);
        if (row < 0) return true; // minHealthy named after the rows were built: its alternatives are not listed
        var mark = s.LocalMark;
        var stamp = s.LocalStamp;
        var from = rows.RedundantFrom;
        for (int k = rows.RedundantStart[row], end = rows.RedundantStart[row + 1]; k < end; k++)
        {
            var m = mark[from[k]];
            if ((m & TraversalScratch.StampMask) == stamp && (m & TraversalScratch.SlotMask) != TraversalScratch.ExcludedSlot) return true;
        }

        return false;
    }

    /// <summary><see cref="SpreadDown"/> reading each slot's links from its row.</summary>
    private static int SpreadDownRows(GraphIndex graph, TraversalRules rules, TraversalScratch s, PropagationRows rows, int causes)
    {
        var (state, failed, queue, minHealthy, local, mark) = (s.State, s.FailedAlternatives, s.Work, s.MinHealthy, s.Local, s.LocalMark);
        var (rowStart, entries) = (rows.Start, rows.Entry);
        var filter = rules.FiltersTypes ? rules.Followed : null;
        var stamp = s.LocalStamp;
        var tail = 0;
        for (var i = 0; i < causes; i++) queue[tail++] = i;
        for (var head = 0; head < tail; head++)
        {
            var u = local[queue[head]];
            for (int i = rowStart[u], end = rowStart[u + 1]; i < end; i++)
            {
                var entry = entries[i];
                if (filter is not null && !filter[PropagationRows.Type(entry)]) continue;
                var w = PropagationRows.Neighbour(entry);
                var m = mark[w];
                var v = m & TraversalScratch.SlotMask;
                if ((m & TraversalScratch.StampMask) != stamp || v == TraversalScratch.ExcludedSlot || w == u) continue;
                if (state[v] == ImpactState.Down) continue; // the causes too
                if (entry < 0 && minHealthy[v] > 0)
                {
                    var f = ++failed[v];
                    if (f == 1) s.Alternatives[v] = CountAlternatives(graph, rules, s, v, causes);
                    if (s.Alternatives[v] - f >= minHealthy[v])
                    {
                        if (f == 1)
                        {
                            state[v] = ImpactState.Degraded;
                            s.Pred[v] = i;
                        }

                        continue;
                    }
                }

                state[v] = ImpactState.Down;
                s.Pred[v] = i;
                queue[tail++] = v;
            }
        }

        return tail;
    }

    /// <summary><see cref="SpreadDegraded"/> reading each slot's links from its row.</summary>
    private static void SpreadDegradedRows(TraversalRules rules, TraversalScratch s, PropagationRows rows)
    {
        var (state, queue, minHealthy, local, mark) = (s.State, s.Work, s.MinHealthy, s.Local, s.LocalMark);
        var (rowStart, entries) = (rows.Start, rows.Entry);
        var filter = rules.FiltersTypes ? rules.Followed : null;
        var stamp = s.LocalStamp;
        var tail = 0;
        for (var i = 0; i < s.Count; i++)
        {
            if (state[i] == ImpactState.Degraded) queue[tail++] = i;
        }

        for (var head = 0; head < tail; head++)
        {
            var u = local[queue[head]];
            for (int i = rowStart[u], end = rowStart[u + 1]; i < end; i++)
            {
                var entry = entries[i];
                if (entry >= 0 || (filter is not null && !filter[PropagationRows.Type(entry)])) continue;
                var w = PropagationRows.Neighbour(entry);
                var m = mark[w];
                var v = m & TraversalScratch.SlotMask;
                if ((m & TraversalScratch.StampMask) != stamp || v == TraversalScratch.ExcludedSlot || w == u) continue;
                if (state[v] != ImpactState.None || minHealthy[v] <= 0) continue;
                state[v] = ImpactState.Degraded;
                s.Pred[v] = i;
                queue[tail++] = v;
            }
        }

        for (var i = 0; i < s.Count; i++)
        {
            if (state[i] == ImpactState.None) state[i] = ImpactState.AtRisk;
        }
    }
}
