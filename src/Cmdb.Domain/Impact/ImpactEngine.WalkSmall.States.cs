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
    /// </remarks>
    private static void SpreadDownHeads(GraphIndex graph, TraversalRules rules, TraversalScratch s, PropagationRows rows, int causes, int end)
    {
        var (state, pred, local, mark, work) = (s.State, s.Pred, s.Local, s.LocalMark, s.Work);
        var (nodes, entries, stamp) = (rows.Nodes, rows.Entry, s.LocalStamp);
        for (var block = 0; block < end; block += Vector256<byte>.Count)
        {
            var inBlock = end - block >= 32 ? uint.MaxValue : (1u << (end - block)) - 1;
            var bits = DownBits(state, block) & inBlock;
            while (bits != 0)
            {
                var at = BitOperations.TrailingZeroCount(bits);
                var head = block + at;
                var u = local[head];
                var queued = 0;
                for (int i = nodes[2 * u], rowEnd = nodes[(2 * u) + 2]; i < rowEnd; i++)
                {
                    var entry = entries[i];
                    var v = PropagationRows.Neighbour(entry);
                    var m = mark[v];
                    var t = m & TraversalScratch.SlotMask;

                    // Not reached (past the depth limit), excluded, or down already (the head itself, for a self-loop).
                    if ((m & TraversalScratch.StampMask) != stamp || t == TraversalScratch.ExcludedSlot || state[t] == ImpactState.Down) continue;
                    if (entry >= 0)
                    {
                        // An ordinary link: Fail's first case, inline (the mark at hand).
                        state[t] = ImpactState.Down;
                        pred[t] = i;
                        mark[v] = m | TraversalScratch.DownBit;
                    }
                    else if (!Fail(graph, rules, s, causes, t, i, redundant: true))
                    {
                        continue;
                    }

                    if (t <= head) work[queued++] = t;
                    else if (t - block < Vector256<byte>.Count) bits |= 1u << (t - block); // a later head of this block
                }

                if (queued > 0)
                {
                    if (t_smallWalkCounts is { } counts) counts.Drains++;
                    DrainRows(graph, rules, s, rows, causes, head, queued);
                    bits = DownBits(state, block);
                }

                bits &= inBlock & ~((2u << at) - 1); // the later slots of the block
            }
        }
    }

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
