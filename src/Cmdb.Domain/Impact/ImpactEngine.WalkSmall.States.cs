using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <remarks>The second pass of <see cref="WalkSmall"/>: pass 1 of the states over a closure already reached.</remarks>
internal static partial class ImpactEngine
{
    /// <summary>
    /// Pass 1 of the states for heads [0, <paramref name="end"/>) once <see cref="ReachSmall"/> reached them: each down
    /// head, in slot order, passes trouble to the reached CIs its row names, in row order; a CI that goes down after its
    /// own row was passed is drained at once (<see cref="DrainRows"/>). A small closure's rows and marks are still in
    /// cache from the search.
    /// </summary>
    /// <remarks>
    /// The down heads are found 32 state bytes at a time: a branch per slot on "down?" mispredicted about once per down
    /// head. A head's row can take later slots of its block down: they join the block's mask as they go down (a vector
    /// load over a state byte just written would wait for the store); after a drain, which can take any later slot
    /// down, the mask is read again.
    /// <para>
    /// A method of its own, with its rare calls kept out of line (<see cref="FailOutOfLine"/>, <see cref="DrainOutOfLine"/>):
    /// inlined into <see cref="WalkSmall"/>, with <see cref="DrainRows"/>, <see cref="Fail"/> and
    /// <c>CountAlternatives</c> inlined into it, its loop kept most values on the stack. <see cref="Fail"/>'s
    /// common case for a redundant link (a group whose compact facts hold minHealthy and the count of its alternatives)
    /// is written inline, with the same effects in the same order. Hypervisor Impact + Summary −5 to −7 % (same-process
    /// A/B, both role orders, session 13).
    /// </para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SpreadDownHeads(GraphIndex graph, TraversalRules rules, TraversalScratch s, PropagationRows rows, int causes, int end)
    {
        // Every index below is in range by construction: entries within a row, local nodes below the marks' length,
        // slots below the count (the per-slot arrays and the work queue are at least that long).
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(rows.Nodes);
        ref var entries = ref MemoryMarshal.GetArrayDataReference(rows.Entry);
        ref var mark = ref MemoryMarshal.GetArrayDataReference(s.LocalMark);
        ref var local = ref MemoryMarshal.GetArrayDataReference(s.Local);
        ref var pred = ref MemoryMarshal.GetArrayDataReference(s.Pred);
        ref var state = ref MemoryMarshal.GetArrayDataReference(s.State);
        ref var slotFacts = ref MemoryMarshal.GetArrayDataReference(s.SlotFacts);
        ref var failed = ref MemoryMarshal.GetArrayDataReference(s.FailedAlternatives);
        ref var alternatives = ref MemoryMarshal.GetArrayDataReference(s.Alternatives);
        ref var work = ref MemoryMarshal.GetArrayDataReference(s.Work);
        var states = s.State;
        var stamp = s.LocalStamp;
        for (var block = 0; block < end; block += Vector256<byte>.Count)
        {
            var inBlock = end - block >= 32 ? uint.MaxValue : (1u << (end - block)) - 1;
            var bits = DownBits(states, block) & inBlock;
            while (bits != 0)
            {
                var at = BitOperations.TrailingZeroCount(bits);
                var head = block + at;
                var u = At(ref local, head);
                var queued = 0;
                for (int i = At(ref nodes, 2 * u), rowEnd = At(ref nodes, (2 * u) + 2); i < rowEnd; i++)
                {
                    var entry = At(ref entries, i);
                    var v = PropagationRows.Neighbour(entry);
                    var m = At(ref mark, v);
                    var t = m & TraversalScratch.SlotMask;

                    // Not reached (past the depth limit), excluded, or down already (the head itself, for a self-loop).
                    if ((m & TraversalScratch.StampMask) != stamp || t == TraversalScratch.ExcludedSlot || At(ref state, t) == ImpactState.Down) continue;
                    if (entry < 0)
                    {
                        // A redundant link: Fail's common case inline (see Fail), the rest through it.
                        var known = At(ref slotFacts, t);
                        var whole = LocalFacts.Alternatives(known);
                        if (known < 0 || whole < 0)
                        {
                            if (!FailOutOfLine(graph, rules, s, causes, t, i)) continue;
                            goto Down;
                        }

                        if (LocalFacts.MinHealthy(known) is var minHealthy && minHealthy > 0)
                        {
                            var f = At(ref state, t) == ImpactState.None ? 1 : At(ref failed, t) + 1;
                            At(ref failed, t) = f;
                            if (f == 1) At(ref alternatives, t) = whole;
                            if (whole - f >= minHealthy)
                            {
                                if (f == 1)
                                {
                                    At(ref state, t) = ImpactState.Degraded;
                                    At(ref pred, t) = i;
                                    s.Absorbed = true;
                                }

                                continue;
                            }
                        }
                    }

                    // An ordinary link, or the group has too few alternatives left: down (FailDown, the mark at hand).
                    At(ref state, t) = ImpactState.Down;
                    At(ref pred, t) = i;
                    At(ref mark, v) = m | TraversalScratch.DownBit;
                Down:
                    if (t <= head) At(ref work, queued++) = t;
                    else if (t - block < Vector256<byte>.Count) bits |= 1u << (t - block); // a later head of this block
                }

                if (queued > 0)
                {
                    DrainOutOfLine(graph, rules, s, rows, causes, head, queued);
                    bits = DownBits(states, block);
                }

                bits &= inBlock & ~((2u << at) - 1); // the later slots of the block
            }
        }
    }

    /// <summary><see cref="DrainRows"/> after a head's row, kept out of its caller's loop (rare: 24 drains in the hypervisor's closure).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DrainOutOfLine(GraphIndex graph, TraversalRules rules, TraversalScratch s, PropagationRows rows, int causes, int head, int queued)
    {
        if (t_smallWalkCounts is { } counts) counts.Drains++;
        DrainRows(graph, rules, s, rows, causes, head, queued);
    }

    /// <summary><see cref="Fail"/> for a redundant link, kept out of its caller's loop (its rare cases call further).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool FailOutOfLine(GraphIndex graph, TraversalRules rules, TraversalScratch s, int causes, int t, int why) =>
        Fail(graph, rules, s, causes, t, why, redundant: true);

    /// <summary>Bit j: slot <paramref name="block"/> + j is down, for the 32 slots from <paramref name="block"/> (those past the array: not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint DownBits(ImpactState[] state, int block)
    {
        if (block + Vector256<byte>.Count <= state.Length)
        {
            ref var at = ref Unsafe.As<ImpactState, byte>(ref MemoryMarshal.GetArrayDataReference(state));
            return Vector256.Equals(Vector256.LoadUnsafe(ref at, (nuint)block), Vector256.Create((byte)ImpactState.Down)).ExtractMostSignificantBits();
        }

        var bits = 0u;
        for (var j = 0; block + j < state.Length && j < Vector256<byte>.Count; j++) bits |= state[block + j] == ImpactState.Down ? 1u << j : 0;
        return bits;
    }
}
