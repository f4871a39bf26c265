using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cmdb.Domain.Graph;

namespace Cmdb.Benchmarks;

/// <summary>
/// The .NET floor for impact: a plain breadth-first closure over the very arrays the impact engine walks (the
/// <see cref="PropagationRows"/>: row starts and one int per entry), with a stamped visited array and a queue, no
/// states, facts or summary, and no bounds checks. Two forms: a branch on "seen?" per entry, and a branch-free one
/// that always writes the queue slot and advances the tail by 0 or 1 (the branch is taken at random, so it mispredicts).
/// </summary>
internal sealed class PropagationBfs
{
    private readonly PropagationRows _rows;
    private readonly int[] _start;
    private readonly int[] _stamp;
    private readonly int[] _queue;
    private int _generation;

    public PropagationBfs(GraphIndex graph)
    {
        _rows = graph.Propagation(wait: true) ?? throw new InvalidOperationException("No propagation rows.");
        _start = new int[_rows.NodeCount + 1]; // the plain layout: the rows keep row starts interleaved with facts the floor does not read
        for (var n = 0; n < _start.Length; n++) _start[n] = _rows.RowStart(n);
        _stamp = new int[_rows.NodeCount];
        _queue = new int[_rows.NodeCount + 1];
    }

    /// <summary>Entries read by the last closure.</summary>
    public long EntriesScanned { get; private set; }

    /// <summary>How many CIs trouble in public node <paramref name="start"/> reaches, itself included.</summary>
    public int Closure(int start, bool branchFree)
    {
        var generation = ++_generation;
        var (rowStart, entries, stamp, queue) = (_start, _rows.Entry, _stamp, _queue);
        var first = _rows.ToLocal[start];
        int head = 0, tail = 1;
        long scanned = 0;
        queue[0] = first;
        stamp[first] = generation;
        while (head < tail)
        {
            var u = At(queue, head++);
            int from = At(rowStart, u), end = At(rowStart, u + 1);
            scanned += end - from;
            if (branchFree)
            {
                for (var i = from; i < end; i++)
                {
                    var v = PropagationRows.Neighbour(At(entries, i));
                    ref var s = ref At(stamp, v);
                    At(queue, tail) = v;
                    tail += s != generation ? 1 : 0;
                    s = generation;
                }
            }
            else
            {
                for (var i = from; i < end; i++)
                {
                    var v = PropagationRows.Neighbour(At(entries, i));
                    ref var s = ref At(stamp, v);
                    if (s == generation) continue;
                    s = generation;
                    At(queue, tail++) = v;
                }
            }
        }

        EntriesScanned = scanned;
        return tail;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref int At(int[] array, int i) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)i);
}
