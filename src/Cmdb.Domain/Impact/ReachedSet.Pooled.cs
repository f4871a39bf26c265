using System.Buffers;
using System.Numerics;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal sealed partial class ReachedSet
{
    /// <summary>
    /// The smallest closure whose arrays come from the pool. Below it an exact copy is a few KB of young memory, cheaper
    /// than renting three arrays.
    /// </summary>
    internal const int PooledFrom = 1024;

    /// <summary>The arrays belong to the shared pool: <see cref="Release"/> gives them back.</summary>
    private readonly bool _pooled;

    /// <summary>1 once <see cref="Release"/> ran: set atomically, so the arrays go back to the pool once.</summary>
    private int _released;

    /// <summary>
    /// The outcome of the scratch's walk for a result that <see cref="Release"/>s it when no longer read. A large closure
    /// keeps pooled arrays: the scratch's own when they are at least half full (the scratch gets pooled ones of the same
    /// length back), else a copy into rented ones. A small closure is copied as by the constructor.
    /// </summary>
    /// <remarks>
    /// Why: copying a 250k-CI closure out (2.25 MB of new large-object memory per call) cost 0.7–2 ms of the core switch's
    /// ~7 ms, most of it the page faults of memory the process had not touched yet (~160–190 minor faults per call) and
    /// the gen2 collections the large objects brought (one per ~100 calls). Arrays given back by released results are
    /// warm and come back without any of that. A result that is never released stays correct; its arrays are collected
    /// as usual and the scratch's next hand-over rents fresh ones (what the copy cost before, minus the copy).
    /// </remarks>
    public static ReachedSet Pooled(GraphIndex graph, int seq, TraversalScratch s, int starts) =>
        s.Count < PooledFrom ? new ReachedSet(graph, seq, s, starts) : new ReachedSet(graph, seq, s, starts, pooled: true);

    private ReachedSet(GraphIndex graph, int seq, TraversalScratch s, int starts, bool pooled)
    {
        Graph = graph;
        Seq = seq;
        Starts = starts;
        _pooled = pooled;
        var count = _count = s.Count;
        if (s.HasLevels)
        {
            _propagation = s.Propagation;
            _levels = s.Levels.AsSpan(0, s.LevelCount + 1).ToArray();
        }

        // At least half full: the result holds at most twice the memory it needs, for no copy at all.
        if (2L * count >= s.Pred.Length)
        {
            (_pred, _state, _node, _depth) = s.HandOver();
            return;
        }

        _pred = RentCopy(s.Pred, count);
        _state = RentCopy(s.State, count);
        _node = RentCopy(s.HasLevels ? s.Local : s.Node, count);
        _depth = s.HasLevels ? null : RentCopy(s.Depth, count);
    }

    /// <summary>True once the result was released: every read then throws.</summary>
    public bool Released => Volatile.Read(ref _released) != 0;

    /// <summary>
    /// Ends the reads of this set: pooled arrays go back to the shared pool, and every later read throws (the arrays are
    /// replaced by empty ones, so a read that skips the check cannot see another result's data). Idempotent.
    /// </summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        var (node, pred, state, depth) = (_node, _pred, _state, _depth);
        (_node, _pred, _state, _depth) = ([], [], [], depth is null ? null : []);
        if (!_pooled) return;
        GiveBack(node);
        GiveBack(pred);
        GiveBack(state);
        if (depth is not null) GiveBack(depth);
    }

    public void ThrowIfReleased() => ObjectDisposedException.ThrowIf(Released, typeof(ImpactResult));

    /// <summary>The first <paramref name="count"/> items of a scratch array, in a rented array (not cleared: only those are read).</summary>
    private static T[] RentCopy<T>(T[] from, int count)
    {
        var copy = ArrayPool<T>.Shared.Rent(count);
        from.AsSpan(0, count).CopyTo(copy);
        return copy;
    }

    /// <summary>Returns an array to the shared pool, which keeps only lengths of its own sizes (powers of two).</summary>
    private static void GiveBack<T>(T[] array)
    {
        if (array.Length >= 16 && BitOperations.IsPow2(array.Length)) ArrayPool<T>.Shared.Return(array);
    }
}
