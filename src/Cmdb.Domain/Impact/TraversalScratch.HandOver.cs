using System.Buffers;

namespace Cmdb.Domain.Impact;

internal sealed partial class TraversalScratch
{
    /// <summary>
    /// Gives a result the per-slot arrays it keeps — predecessors, states, and the local nodes after a walk over the
    /// propagation rows (else the nodes and depths) — and takes arrays of the same length from the shared pool in their
    /// place (fresh ones when the pool has none). The replacements hold stale data: every per-slot array is written
    /// before it is read in a walk, as it already was for the previous walk's leftovers.
    /// </summary>
    /// <remarks>
    /// Every per-slot array must keep the length of <see cref="Node"/>: the walks size their writes by one of them (see
    /// <see cref="EnsureSlots"/>) and write the others through unchecked references.
    /// </remarks>
    public (int[] Pred, ImpactState[] State, int[] Node, int[]? Depth) HandOver()
    {
        var length = Node.Length;
        var pred = Pred;
        var state = State;
        Pred = RentExactly<int>(length);
        State = RentExactly<ImpactState>(length);
        if (HasLevels)
        {
            var local = Local;
            Local = RentExactly<int>(length);
            return (pred, state, local, null);
        }

        var (node, depth) = (Node, Depth);
        Node = RentExactly<int>(length);
        Depth = RentExactly<int>(length);
        return (pred, state, node, depth);
    }

    /// <summary>An array of exactly <paramref name="length"/> items: the pool's when its size matches (a power of two, as the scratch's are).</summary>
    private static T[] RentExactly<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        if (array.Length == length) return array;
        ArrayPool<T>.Shared.Return(array);
        return GC.AllocateUninitializedArray<T>(length);
    }
}
