using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>
    /// The breadth-first loop over the propagation rows, on local copies of the scratch arrays (room for a whole row
    /// is made before it is read, so nothing grows inside). A plain BFS: it records no links (settling reads the rows
    /// again, and only when redundancy can matter: see <see cref="SpreadDownRows"/>). False when it meets a node with an
    /// overlay row.
    /// </summary>
    private static bool Walk(GraphIndex graph, TraversalRules rules, TraversalScratch s, long[] facts, PropagationRows rows, bool anyTouched)
    {
        var adjacency = rows.Adjacency;
        var rowStart = rows.Start;
        var entries = rows.Entry;
        var toPublic = rows.ToPublic;
        var filter = rules.FiltersTypes ? rules.Followed : null;
        var (seq, maxDepth, includeRetired) = (rules.Seq, rules.MaxDepth, rules.IncludeRetired);
        var mark = s.LocalMark;
        var stamp = s.LocalStamp;
        var excluded = stamp | TraversalScratch.ExcludedSlot;
        var count = s.Count;
        int[] node = s.Node, local = s.Local, depths = s.Depth, pred = s.Pred, minHealthy = s.MinHealthy;
        long[] info = s.Info;
        for (var head = 0; head < count; head++)
        {
            if (depths[head] >= maxDepth)
            {
                // Breadth-first: every later slot is as deep, so nothing grows any more. Settling may still read
                // these CIs' rows (redundancy), so they too must be untouched.
                if (!anyTouched || !rules.AnyRedundant) break;
                if (AnyDirty(adjacency, node, head, count))
                {
                    s.Count = count;
                    return false;
                }

                break;
            }

            if (anyTouched && adjacency.IsDirty(node[head]))
            {
                s.Count = count;
                return false;
            }

            var u = local[head];
            int from = rowStart[u], end = rowStart[u + 1];
            if (count + (end - from) > node.Length)
            {
                s.EnsureSlots(count + (end - from));
                (node, local, depths, pred, minHealthy, info) = (s.Node, s.Local, s.Depth, s.Pred, s.MinHealthy, s.Info);
            }

            var depth = depths[head] + 1;
            for (var i = from; i < end; i++)
            {
                // The facts are in public order (a cache miss per new CI); the entries a few ahead are mostly the
                // next heads' rows (local order follows reach order), so ask for their facts now.
                if (i + PrefetchAhead < entries.Length) PrefetchFacts(facts, toPublic[PropagationRows.Neighbour(entries[i + PrefetchAhead])]);
                var entry = entries[i];
                if (filter is not null && !filter[PropagationRows.Type(entry)]) continue;
                var v = PropagationRows.Neighbour(entry);
                if ((mark[v] & TraversalScratch.StampMask) == stamp) continue;
                var n = toPublic[v];
                var first = Volatile.Read(ref facts[2 * n]);
                var packed = Volatile.Read(ref facts[(2 * n) + 1]);
                if (PackedFacts.IsState(first) && PackedFacts.Since(first) <= seq && Volatile.Read(ref facts[2 * n]) == first) // see PackedFacts
                {
                    if (PackedFacts.IsRetired(first) && !includeRetired)
                    {
                        mark[v] = excluded;
                        continue;
                    }

                    var slot = count++;
                    mark[v] = stamp | slot;
                    node[slot] = n;
                    local[slot] = v;
                    depths[slot] = depth;
                    pred[slot] = i;
                    minHealthy[slot] = PackedFacts.MinHealthy(first);
                    info[slot] = packed;
                }
                else
                {
                    s.Count = count;
                    VisitLocal(graph, rules, s, facts, n, v, depth, i); // room was made: nothing grows
                    count = s.Count;
                }
            }
        }

        s.Count = count;
        return true;
    }

    private static bool AnyDirty(Adjacency adjacency, int[] node, int from, int count)
    {
        for (var i = from; i < count; i++)
        {
            if (adjacency.IsDirty(node[i])) return true;
        }

        return false;
    }
}
