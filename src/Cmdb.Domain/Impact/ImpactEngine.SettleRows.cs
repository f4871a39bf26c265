using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <remarks>
/// Settling after a walk over the propagation rows, which records no links: pass 1 runs inside the walk
/// (<see cref="Walk"/>), and the links of a slot are read from its row when a pass needs them — in row order, the
/// followed entries to another reached slot. The walk met every entry of every reached CI's row (past the depth limit
/// none was unseen), so a neighbour reached now was reached when the walk met the entry: these are exactly the links
/// <see cref="Reach"/> records, in the same order, and the passes below are <see cref="SpreadDown"/>'s re-queued CIs and
/// <see cref="SpreadDegraded"/> over them.
/// </remarks>
internal static partial class ImpactEngine
{
    /// <summary>The causes are down, nothing has failed yet (before pass 1).</summary>
    private static void BeginStates(TraversalScratch s, int causes)
    {
        s.State.AsSpan(0, causes).Fill(ImpactState.Down);
        for (var c = 0; c < causes; c++) s.LocalMark[s.Local[c]] |= TraversalScratch.DownBit;
        s.Absorbed = false;
    }

    /// <summary>
    /// Pass 1's step: a down CI passes trouble to slot <paramref name="t"/> (not down yet) over a link whose explaining
    /// edge or entry is <paramref name="why"/>. A redundant link into a CI with minHealthy only counts a failed
    /// alternative; the CI goes down once fewer than minHealthy are left (at its first failure it is degraded for now).
    /// True when <paramref name="t"/> went down.
    /// </summary>
    private static bool Fail(GraphIndex graph, TraversalRules rules, TraversalScratch s, int causes, int t, int why, bool redundant)
    {
        // minHealthy only after the link is known to be redundant: an ordinary link needs no read of the slot's facts.
        if (!redundant) return FailDown(s, t, why);
        var known = s.Propagation is not null ? s.SlotFacts[t] : LocalFacts.Unknown;
        if ((known >= 0 ? LocalFacts.MinHealthy(known) : s.MinHealthy[t]) is var minHealthy && minHealthy > 0)
        {
            // Only a failure leaves a CI degraded (or down) in pass 1, so a CI still unaffected has lost none: the count
            // needs no clearing per slot.
            var f = s.State[t] == ImpactState.None ? 1 : s.FailedAlternatives[t] + 1;
            s.FailedAlternatives[t] = f;
            if (f == 1)
            {
                // A group whose alternatives all take part has their count in the facts just read (see PropagationRows):
                // no call for the ~52k groups a core switch fails.
                s.Alternatives[t] = s.AlternativesInFacts && known >= 0 && LocalFacts.Alternatives(known) is var whole && whole >= 0
                    ? whole
                    : CountAlternatives(graph, rules, s, t, causes);
            }

            if (s.Alternatives[t] - f >= minHealthy)
            {
                if (f == 1)
                {
                    s.State[t] = ImpactState.Degraded;
                    s.Pred[t] = why;
                    s.Absorbed = true;
                }

                return false;
            }
        }

        return FailDown(s, t, why);
    }

    private static bool FailDown(TraversalScratch s, int t, int why)
    {
        s.State[t] = ImpactState.Down;
        s.Pred[t] = why;
        if (s.Propagation is not null) s.LocalMark[s.Local[t]] |= TraversalScratch.DownBit;
        return true;
    }

    /// <summary>
    /// Pass 1 for the CIs that went down after the walk read their rows (the first <paramref name="queued"/> of the
    /// work queue): their rows are read again, and a CI they take down whose row was read already joins the queue.
    /// </summary>
    private static void DrainRows(GraphIndex graph, TraversalRules rules, TraversalScratch s, PropagationRows rows, int causes, int head, int queued)
    {
        var (state, queue, local, mark) = (s.State, s.Work, s.Local, s.LocalMark);
        var (nodes, entries) = (rows.Nodes, rows.Entry);
        var filter = rules.FiltersTypes ? rules.Followed : null;
        var stamp = s.LocalStamp;
        for (var q = 0; q < queued; q++)
        {
            var u = local[queue[q]];
            for (int i = nodes[2 * u], end = nodes[(2 * u) + 2]; i < end; i++)
            {
                var entry = entries[i];
                if (filter is not null && !filter[PropagationRows.Type(entry)]) continue;
                var w = PropagationRows.Neighbour(entry);
                var m = mark[w];
                var v = m & TraversalScratch.SlotMask;
                if ((m & TraversalScratch.StampMask) != stamp || v == TraversalScratch.ExcludedSlot || w == u) continue;
                if (state[v] == ImpactState.Down) continue;
                if (Fail(graph, rules, s, causes, v, i, entry < 0) && v <= head) queue[queued++] = v;
            }
        }
    }

    /// <summary><see cref="SpreadDegraded"/> reading each slot's links from its row.</summary>
    /// <remarks>
    /// Indexes in range by construction (entries within a row, local nodes below the marks' length, slots below the
    /// count, the queue as long as the states), so the loop reads without bounds checks; minHealthy from the compact
    /// facts inline (<see cref="TraversalScratch.MinHealthyOf"/>'s test per link was a call and two array reads).
    /// </remarks>
    private static void SpreadDegradedRows(TraversalRules rules, TraversalScratch s, PropagationRows rows)
    {
        ref var state = ref MemoryMarshal.GetArrayDataReference(s.State);
        ref var queue = ref MemoryMarshal.GetArrayDataReference(s.Work);
        ref var local = ref MemoryMarshal.GetArrayDataReference(s.Local);
        ref var mark = ref MemoryMarshal.GetArrayDataReference(s.LocalMark);
        ref var pred = ref MemoryMarshal.GetArrayDataReference(s.Pred);
        ref var slotFacts = ref MemoryMarshal.GetArrayDataReference(s.SlotFacts);
        ref var minHealthy = ref MemoryMarshal.GetArrayDataReference(s.MinHealthy);
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(rows.Nodes);
        ref var entries = ref MemoryMarshal.GetArrayDataReference(rows.Entry);
        var filter = rules.FiltersTypes ? rules.Followed : null;
        var stamp = s.LocalStamp;
        var tail = QueueDegraded(s);
        for (var head = 0; head < tail; head++)
        {
            var u = At(ref local, At(ref queue, head));
            for (int i = At(ref nodes, 2 * u), end = At(ref nodes, (2 * u) + 2); i < end; i++)
            {
                var entry = At(ref entries, i);
                if (entry >= 0 || (filter is not null && !filter[PropagationRows.Type(entry)])) continue;
                var w = PropagationRows.Neighbour(entry);
                var m = At(ref mark, w);
                var v = m & TraversalScratch.SlotMask;
                if ((m & TraversalScratch.StampMask) != stamp || v == TraversalScratch.ExcludedSlot || w == u) continue;
                if (At(ref state, v) != ImpactState.None) continue;
                var known = At(ref slotFacts, v);
                if ((known >= 0 ? LocalFacts.MinHealthy(known) : At(ref minHealthy, v)) <= 0) continue;
                At(ref state, v) = ImpactState.Degraded;
                At(ref pred, v) = i;
                At(ref queue, tail++) = v;
            }
        }

        AtRiskRest(s);
    }

    /// <summary>
    /// Puts the degraded slots on the work queue in slot order; returns how many. The state bytes are compared 32 at a
    /// time and the matches taken from the bit mask: a search call per degraded slot cost ~1.5 µs of the hypervisor's
    /// ~25 (338 degraded among 2,490), and a per-slot compare and branch ~0.1 ms on a 250k closure of mixed states.
    /// </summary>
    private static int QueueDegraded(TraversalScratch s)
    {
        var states = MemoryMarshal.Cast<ImpactState, byte>(s.State.AsSpan(0, s.Count));
        ref var queue = ref MemoryMarshal.GetArrayDataReference(s.Work); // as long as State: room for every slot
        var degraded = Vector256.Create((byte)ImpactState.Degraded);
        var tail = 0;
        var at = 0;
        for (; at + Vector256<byte>.Count <= states.Length; at += Vector256<byte>.Count)
        {
            var bits = Vector256.Equals(Vector256.Create(states.Slice(at, Vector256<byte>.Count)), degraded).ExtractMostSignificantBits();
            for (; bits != 0; bits &= bits - 1) Unsafe.Add(ref queue, tail++) = at + BitOperations.TrailingZeroCount(bits);
        }

        for (; at < states.Length; at++)
        {
            if (states[at] == (byte)ImpactState.Degraded) Unsafe.Add(ref queue, tail++) = at;
        }

        return tail;
    }

    /// <summary>Pass 3: every reached CI not yet down or degraded is at risk (with the reaching pass's predecessor), in one vectorised replace.</summary>
    private static void AtRiskRest(TraversalScratch s) =>
        MemoryMarshal.Cast<ImpactState, byte>(s.State.AsSpan(0, s.Count)).Replace((byte)ImpactState.None, (byte)ImpactState.AtRisk);
}
