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
    /// <remarks>
    /// Per new CI the loop reads its mark and its compact facts (beside its row start: see <see cref="PropagationRows.Nodes"/>)
    /// and writes four ints (mark, local node, predecessor entry, facts) and, when states are settled, a state byte. Its public number, depth and failed-alternatives count are
    /// not written (see <see cref="TraversalScratch.NodeOf"/>, <see cref="TraversalScratch.Levels"/>, <see cref="Fail"/>).
    /// A compact fact that is unknown, retired (unless retired CIs take part) or changed since the rows were built takes
    /// the slow branch.
    /// </remarks>
    private static bool Walk(GraphIndex graph, TraversalRules rules, TraversalScratch s, long[] facts, PropagationRows rows, bool anyTouched, int causes)
    {
        var adjacency = rows.Adjacency;
        var nodes = rows.Nodes; // row starts at 2n, facts at 2n + 1
        var entries = rows.Entry;
        var toPublic = rows.ToPublic;
        var changed = adjacency.FactsChanged; // read after the commit: a change the walk's commit can see has its bit
        var filter = rules.FiltersTypes ? rules.Followed : null;
        var maxDepth = rules.MaxDepth;
        var reject = LocalFacts.UnknownBit | (rules.IncludeRetired ? 0 : LocalFacts.RetiredBit);
        var settle = rules.AnyRedundant; // otherwise every reached CI is down: Settle fills the states
        s.AlternativesInFacts = filter is null && changed is null && !anyTouched; // Fail reads a group's alternatives from its facts
        if (settle && filter is null && changed is null)
        {
            // With overlay rows the general fast loop, which checks each row it reads; otherwise the small-closure walk,
            // which starts a closure that grows large again in the general fast loop.
            return anyTouched ? WalkFast(graph, rules, s, facts, rows, anyTouched, causes) : WalkSmall(graph, rules, s, facts, rows, causes);
        }

        var mark = s.LocalMark;
        var stamp = s.LocalStamp;
        var count = s.Count;
        int[] local = s.Local, pred = s.Pred, slotFacts = s.SlotFacts;
        var state = s.State;
        var levels = s.Levels;
        s.AnyTouched = anyTouched; // read by CountAlternatives while the walk runs
        if (settle) BeginStates(s, causes);
        var growing = true;
        var headDepth = 0;
        var levelEnd = count;
        levels[0] = 0;
        for (var head = 0; head < count; head++)
        {
            if (head == levelEnd)
            {
                // Breadth-first: the heads of one depth are one run of slots, and their new CIs the next run.
                if (headDepth + 2 >= levels.Length)
                {
                    Array.Resize(ref s.Levels, 2 * levels.Length);
                    levels = s.Levels;
                }

                levels[++headDepth] = head;
                levelEnd = count;
            }

            if (growing && headDepth >= maxDepth)
            {
                // Every later slot is as deep, so nothing grows any more. The down CIs among them still pass trouble to
                // reached CIs (redundancy), so their rows too must be untouched.
                if (!settle) break;
                if (anyTouched && AnyDirty(adjacency, toPublic, local, head, count))
                {
                    s.Count = count;
                    return false;
                }

                growing = false;
            }

            var down = settle && state[head] == ImpactState.Down;
            if (!growing && !down) continue;
            var u = local[head];
            if (growing && anyTouched && adjacency.IsDirty(toPublic[u]))
            {
                s.Count = count;
                return false;
            }

            int from = nodes[2 * u], end = nodes[(2 * u) + 2];
            if (growing && count + (end - from) > local.Length)
            {
                s.EnsureSlots(count + (end - from));
                (local, pred, slotFacts, state) = (s.Local, s.Pred, s.SlotFacts, s.State);
            }

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
                var known = At(nodes, (2 * v) + 1);
                int slot, minHealthy;
                if ((known & reject) == 0 && (changed is null || !Adjacency.Changed(changed, At(toPublic, v))))
                {
                    slot = count++;
                    At(mark, v) = stamp | slot;
                    At(local, slot) = v;
                    At(pred, slot) = i;
                    At(slotFacts, slot) = known;
                    if (!settle) continue;
                    minHealthy = LocalFacts.MinHealthy(known);
                }
                else
                {
                    // Not in the compact copy, retired, or changed since it was made: the full facts, as of the walk's commit.
                    s.Count = count;
                    slot = VisitLocal(graph, rules, s, facts, At(toPublic, v), v, headDepth + 1, i); // room was made: nothing grows
                    count = s.Count;
                    if (slot < 0 || !settle) continue;
                    minHealthy = s.MinHealthy[slot];
                }

                if (!down) At(state, slot) = ImpactState.None;
                else if (entry >= 0 || minHealthy <= 0)
                {
                    At(state, slot) = ImpactState.Down; // its predecessor is this entry already
                    At(mark, v) |= TraversalScratch.DownBit; // as in WalkFast, so a mark's bit always means "down"
                }
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
        s.LevelCount = headDepth + 1;
        levels[headDepth + 1] = count;
        s.HasLevels = true;
        return true;
    }

    /// <summary>Element <paramref name="i"/> without a bounds check: only for indexes in range by construction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T At<T>(T[] array, int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)i);

    private static bool AnyDirty(Adjacency adjacency, int[] toPublic, int[] local, int from, int count)
    {
        for (var i = from; i < count; i++)
        {
            if (adjacency.IsDirty(toPublic[local[i]])) return true;
        }

        return false;
    }
}
