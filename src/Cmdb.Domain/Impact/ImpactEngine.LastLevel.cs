using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>
    /// <see cref="WalkFast"/> past the depth limit, from slot <paramref name="head"/> on: nothing grows, and each down CI
    /// passes trouble to the reached CIs in its row. Their rows too must be untouched. False when one is not.
    /// </summary>
    private static bool SettleLastLevel(GraphIndex graph, TraversalRules rules, TraversalScratch s, PropagationRows rows, bool anyTouched, int causes, int head)
    {
        var (nodes, entries, mark, stamp) = (rows.Nodes, rows.Entry, s.LocalMark, s.LocalStamp);
        var (local, state, count) = (s.Local, s.State, s.Count);
        if (anyTouched && AnyDirty(rows.Adjacency, rows.ToPublic, local, head, count)) return false;
        for (; head < count; head++)
        {
            if (state[head] != ImpactState.Down) continue;
            var u = local[head];
            var queued = 0;
            for (int i = nodes[2 * u], end = nodes[(2 * u) + 2]; i < end; i++)
            {
                var entry = entries[i];
                var v = PropagationRows.Neighbour(entry);
                var m = mark[v];
                if ((m & TraversalScratch.StampMask) != stamp) continue;
                var t = m & TraversalScratch.SlotMask;
                if (t == TraversalScratch.ExcludedSlot || v == u || state[t] == ImpactState.Down) continue;
                if (Fail(graph, rules, s, causes, t, i, entry < 0) && t <= head) s.Work[queued++] = t;
            }

            if (queued > 0) DrainRows(graph, rules, s, rows, causes, head, queued);
        }

        return true;
    }

    /// <summary>Element <paramref name="i"/> after <paramref name="first"/> without a bounds check: only for indexes in range by construction.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ref T At<T>(ref T first, int i) => ref System.Runtime.CompilerServices.Unsafe.Add(ref first, (nint)(uint)i);
}
