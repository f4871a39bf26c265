using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>
    /// The breadth-first loop over the propagation rows, on local copies of the scratch arrays (room for a whole row
    /// is made before it is read, so nothing grows inside). When a redundant type is followed it also spreads "down"
    /// as it goes (pass 1 of <see cref="Settle"/>, in the order <see cref="SpreadDown"/> uses: slot order, row order,
    /// with the CIs that go down after their row was read queued again), so settling never reads the rows of the down
    /// CIs a second time. False when it meets a node with an overlay row.
    /// </summary>
    private static bool Walk(GraphIndex graph, TraversalRules rules, TraversalScratch s, long[] facts, PropagationRows rows, bool anyTouched, int causes)
    {
        var adjacency = rows.Adjacency;
        var rowStart = rows.Start;
        var entries = rows.Entry;
        var toPublic = rows.ToPublic;
        var localFacts = rows.Facts;
        var changed = adjacency.FactsChanged; // read after the commit: a change the walk's commit can see has its bit
        var filter = rules.FiltersTypes ? rules.Followed : null;
        var (maxDepth, includeRetired) = (rules.MaxDepth, rules.IncludeRetired);
        var settle = rules.AnyRedundant; // otherwise every reached CI is down: Settle fills the states
        var mark = s.LocalMark;
        var stamp = s.LocalStamp;
        var excluded = stamp | TraversalScratch.ExcludedSlot;
        var count = s.Count;
        int[] node = s.Node, local = s.Local, depths = s.Depth, pred = s.Pred, minHealthy = s.MinHealthy;
        long[] info = s.Info;
        var state = s.State;
        var failed = s.FailedAlternatives;
        if (settle) BeginStates(s, causes);
        var growing = true;
        for (var head = 0; head < count; head++)
        {
            if (growing && depths[head] >= maxDepth)
            {
                // Breadth-first: every later slot is as deep, so nothing grows any more. The down CIs among them still
                // pass trouble to reached CIs (redundancy), so their rows too must be untouched.
                if (!settle) break;
                if (anyTouched && AnyDirty(adjacency, node, head, count))
                {
                    s.Count = count;
                    return false;
                }

                growing = false;
            }

            var down = settle && state[head] == ImpactState.Down;
            if (!growing && !down) continue;
            if (growing && anyTouched && adjacency.IsDirty(node[head]))
            {
                s.Count = count;
                return false;
            }

            var u = local[head];
            int from = rowStart[u], end = rowStart[u + 1];
            if (growing && count + (end - from) > node.Length)
            {
                s.EnsureSlots(count + (end - from));
                (node, local, depths, pred, minHealthy, info, state, failed) = (s.Node, s.Local, s.Depth, s.Pred, s.MinHealthy, s.Info, s.State, s.FailedAlternatives);
            }

            var depth = depths[head] + 1;
            var queued = 0;
            for (var i = from; i < end; i++)
            {
                // Indexes below are in range by construction (entries name local nodes, slots stay below the room made
                // above), so the loop reads without bounds checks: it runs once per entry of every reached CI.
                var entry = At(entries, i);
                if (filter is not null && !filter[PropagationRows.Type(entry)]) continue;
                var v = PropagationRows.Neighbour(entry);
                var m = At(mark, v);
                if ((m & TraversalScratch.StampMask) == stamp)
                {
                    // Seen: a link. Only a down CI passes anything on in pass 1.
                    if (!down) continue;
                    var t = m & TraversalScratch.SlotMask;
                    if (t == TraversalScratch.ExcludedSlot || v == u || At(state, t) == ImpactState.Down) continue;
                    if (Fail(graph, rules, s, causes, t, i, entry < 0) && t <= head) s.Work[queued++] = t;
                    continue;
                }

                if (!growing) continue;
                var n = At(toPublic, v);
                var known = At(localFacts, v);
                int slot;
                if (known >= 0 && (changed is null || !Adjacency.Changed(changed, n)))
                {
                    if (LocalFacts.IsRetired(known) && !includeRetired)
                    {
                        At(mark, v) = excluded;
                        continue;
                    }

                    slot = count++;
                    At(mark, v) = stamp | slot;
                    At(node, slot) = n;
                    At(local, slot) = v;
                    At(depths, slot) = depth;
                    At(pred, slot) = i;
                    At(minHealthy, slot) = LocalFacts.MinHealthy(known);
                    At(info, slot) = LocalFacts.Info(known);
                }
                else
                {
                    // Not in the compact copy (or changed since it was made): the full facts, as of the walk's commit.
                    s.Count = count;
                    slot = VisitLocal(graph, rules, s, facts, n, v, depth, i); // room was made: nothing grows
                    count = s.Count;
                    if (slot < 0) continue;
                }

                if (!settle) continue;
                At(failed, slot) = 0;
                if (!down) At(state, slot) = ImpactState.None;
                else if (entry >= 0 || At(minHealthy, slot) <= 0) At(state, slot) = ImpactState.Down; // its predecessor is this entry already
                else
                {
                    At(state, slot) = ImpactState.None;
                    Fail(graph, rules, s, causes, slot, i, redundant: true); // a later slot: its row is read in turn
                }
            }

            if (queued > 0) DrainRows(graph, rules, s, rows, causes, head, queued);
        }

        s.Count = count;
        s.Settled = settle;
        return true;
    }

    /// <summary>Element <paramref name="i"/> without a bounds check: only for indexes in range by construction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T At<T>(T[] array, int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)i);

    private static bool AnyDirty(Adjacency adjacency, int[] node, int from, int count)
    {
        for (var i = from; i < count; i++)
        {
            if (adjacency.IsDirty(node[i])) return true;
        }

        return false;
    }
}
