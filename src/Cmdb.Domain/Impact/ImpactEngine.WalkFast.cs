using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal static partial class ImpactEngine
{
    /// <summary>
    /// <see cref="Walk"/> for its common case: states are settled (a redundant type is followed), no type filter, and no
    /// CI's facts changed since the rows were built. Same slots, marks, predecessors, states, levels and calls into
    /// <see cref="Fail"/> in the same order; only fewer live values in the loop.
    /// </summary>
    /// <remarks>
    /// The general loop keeps about twenty values live across its inner loop (filter, facts-changed bits, the
    /// "still growing" flag, the arrays it may grow), so the JIT keeps most of them on the stack and reloads them per
    /// entry. Here the inner loop works on references to the arrays' data and tests nothing that cannot change per
    /// entry; the depth limit ends the growing loop at a level boundary, and a second loop (seen entries only, as in
    /// <see cref="Walk"/> once nothing grows) settles the last level.
    /// <para>
    /// Two things keep large local closures cheap. Heads are taken in runs: consecutive slots of one level whose CIs have
    /// consecutive local numbers (the breadth-first numbering makes most of a root's closure such runs) and the same
    /// "down" have one contiguous range of entries, read in one loop; a short row's loop exit, mispredicted about once per
    /// head, was a fifth of the walk's samples for the core switch. And a down neighbour is skipped from its mark's
    /// <see cref="TraversalScratch.DownBit"/>, without the scattered read of its state (an eighth of the samples).
    /// The entries are met in the same order, and a row that queues a CI for <see cref="DrainRows"/> ends its run, so
    /// the calls into <see cref="Fail"/> and the drains are the same as head by head.
    /// </para>
    /// </remarks>
    private static bool WalkFast(GraphIndex graph, TraversalRules rules, TraversalScratch s, long[] facts, PropagationRows rows, bool anyTouched, int causes)
    {
        var adjacency = rows.Adjacency;
        var toPublic = rows.ToPublic;
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(rows.Nodes); // row starts at 2n, facts at 2n + 1
        ref var entries = ref MemoryMarshal.GetArrayDataReference(rows.Entry);
        ref var mark = ref MemoryMarshal.GetArrayDataReference(s.LocalMark);
        var reject = LocalFacts.UnknownBit | (rules.IncludeRetired ? 0 : LocalFacts.RetiredBit);
        var maxDepth = rules.MaxDepth;
        var stamp = s.LocalStamp;
        var count = s.Count;
        s.AnyTouched = anyTouched; // read by CountAlternatives while the walk runs
        BeginStates(s, causes);
        ref var local = ref MemoryMarshal.GetArrayDataReference(s.Local);
        ref var pred = ref MemoryMarshal.GetArrayDataReference(s.Pred);
        ref var slotFacts = ref MemoryMarshal.GetArrayDataReference(s.SlotFacts);
        ref var state = ref MemoryMarshal.GetArrayDataReference(s.State);
        var room = s.Local.Length;
        var levels = s.Levels;
        var headDepth = 0;
        var levelEnd = count;
        levels[0] = 0;
        var head = 0;
        for (; head < count && headDepth < maxDepth; head++)
        {
            if (head == levelEnd)
            {
                if (headDepth + 2 >= levels.Length)
                {
                    Array.Resize(ref s.Levels, 2 * levels.Length);
                    levels = s.Levels;
                }

                levels[++headDepth] = head;
                levelEnd = count;
                if (headDepth >= maxDepth) break; // every later slot is as deep: nothing grows any more
            }

            var down = At(ref state, head) == ImpactState.Down;
            var u = At(ref local, head);
            if (anyTouched && adjacency.IsDirty(toPublic[u]))
            {
                s.Count = count;
                return false;
            }

            // A run of heads: the next slots of this level whose CIs have the next local numbers and the same "down", so
            // their rows are one contiguous range of entries, read in one loop (no loop exit per head, mispredicted
            // for short rows). Nothing the loop does depends on which head of the run an entry belongs to: see below.
            var last = head;
            while (!anyTouched && last + 1 < levelEnd && At(ref local, last + 1) == u + (last + 1 - head)
                   && (At(ref state, last + 1) == ImpactState.Down) == down)
            {
                last++;
            }

            int from = At(ref nodes, 2 * u), end = At(ref nodes, 2 * (u + (last - head) + 1));
            if (count + (end - from) > room)
            {
                s.EnsureSlots(count + (end - from));
                room = s.Local.Length;
                local = ref MemoryMarshal.GetArrayDataReference(s.Local);
                pred = ref MemoryMarshal.GetArrayDataReference(s.Pred);
                slotFacts = ref MemoryMarshal.GetArrayDataReference(s.SlotFacts);
                state = ref MemoryMarshal.GetArrayDataReference(s.State);
            }

            if (last + 2 < count) PrefetchNextRows(ref nodes, ref entries, ref local, last);
            var queued = 0;
            for (var i = from; i < end; i++)
            {
                var entry = At(ref entries, i);
                var v = PropagationRows.Neighbour(entry);
                var m = At(ref mark, v);
                if ((m & TraversalScratch.StampMask) == stamp)
                {
                    // A down neighbour's mark has the down bit, so a link back into the run (all down) or to its own head
                    // (a self-loop) stops here too.
                    if (!down || (m & TraversalScratch.DownBit) != 0) continue;
                    var t = m & TraversalScratch.SlotMask;
                    if (t == TraversalScratch.ExcludedSlot || At(ref state, t) == ImpactState.Down) continue;

                    // t is not down, so not in the run: "its row was read" is t < head, for every head of the run.
                    if (Fail(graph, rules, s, causes, t, i, entry < 0) && t <= last)
                    {
                        s.Work[queued++] = t;

                        // The CIs queued by a head's row are drained before the next head's row: end the run with this row.
                        var k = head;
                        while (At(ref nodes, 2 * (u + (k - head) + 1)) <= i) k++;
                        (last, end) = (k, At(ref nodes, 2 * (u + (k - head) + 1)));
                    }

                    continue;
                }

                var known = At(ref nodes, (2 * v) + 1);
                int slot;
                if ((known & reject) == 0)
                {
                    slot = count++;
                    At(ref local, slot) = v;
                    At(ref pred, slot) = i;
                    At(ref slotFacts, slot) = known;
                    if (!down)
                    {
                        At(ref mark, v) = stamp | slot;
                        At(ref state, slot) = ImpactState.None;
                        continue;
                    }

                    if (entry >= 0 || LocalFacts.MinHealthy(known) <= 0)
                    {
                        At(ref mark, v) = stamp | TraversalScratch.DownBit | slot;
                        At(ref state, slot) = ImpactState.Down; // its predecessor is this entry already
                        continue;
                    }

                    At(ref mark, v) = stamp | slot;
                }
                else
                {
                    // Not in the compact copy or retired: the full facts, as of the walk's commit (room was made).
                    s.Count = count;
                    slot = VisitLocal(graph, rules, s, facts, toPublic[v], v, headDepth + 1, i);
                    count = s.Count;
                    if (slot < 0) continue;
                    if (!down)
                    {
                        At(ref state, slot) = ImpactState.None;
                        continue;
                    }

                    if (entry >= 0 || s.MinHealthy[slot] <= 0)
                    {
                        At(ref mark, v) |= TraversalScratch.DownBit;
                        At(ref state, slot) = ImpactState.Down;
                        continue;
                    }
                }

                At(ref state, slot) = ImpactState.None;
                Fail(graph, rules, s, causes, slot, i, redundant: true); // a later slot: its row is read in turn
            }

            if (queued > 0) DrainRows(graph, rules, s, rows, causes, last, queued);
            head = last;
        }

        s.Count = count;
        if (head < count && !SettleLastLevel(graph, rules, s, rows, anyTouched, causes, head)) return false;
        s.Settled = true;
        s.LevelCount = headDepth + 1;
        levels[headDepth + 1] = count;
        s.HasLevels = true;
        return true;
    }

    /// <summary>
    /// Asks the cache for the next head's first entries and for the row start of the head after it, while this run's
    /// entries are read (the next head's row start is in cache by then).
    /// </summary>
    /// <remarks>
    /// A head's row and its start are scattered reads that the loop would otherwise wait for one after the other, at
    /// every head. Same-process A/B (8 rounds, both role orders): shared database −13 to −14 % (6/6 rounds each), core
    /// switch −1 to −2 %; a small closure does not come here (<see cref="WalkSmall"/>). Proposed in session 11 (helper
    /// imp12: 1.50 → 1.32 ms).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchNextRows(ref int nodes, ref int entries, ref int local, int last)
    {
        if (!Sse.IsSupported) return; // a constant for the JIT
        var next = At(ref local, last + 1);
        Sse.Prefetch0(Unsafe.AsPointer(ref At(ref entries, At(ref nodes, 2 * next))));
        Sse.Prefetch0(Unsafe.AsPointer(ref At(ref nodes, 2 * At(ref local, last + 2))));
    }
}
