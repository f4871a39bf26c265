using System.Runtime.CompilerServices;

namespace Cmdb.Domain.Graph;

/// <summary>
/// Both directions of a <see cref="GraphIndex"/>'s adjacency as of one compaction, with the overlay written since.
/// Replaced as a whole by the next compaction; a reader keeps the one it started with. It also answers each edge's
/// ends and type: a compacted edge from its entry in the outgoing rows (found through <see cref="OutPos"/>; the source
/// is the row holding that entry), a later one from <see cref="Tail"/>.
/// </summary>
internal sealed partial class Adjacency
{
    /// <summary>Positions per entry of <see cref="_outBlock"/>: a source lookup searches the few rows one block spans.</summary>
    private const int BlockShift = 6;

    /// <summary>Per block of 64 outgoing positions (and one past the last): the node whose row holds the block's first position.</summary>
    private readonly int[] _outBlock;

    /// <summary>Before the first compaction: every row lives in the overlay, every edge's ends in the tail.</summary>
    public static Adjacency Empty(int tailCapacity = 4096) => new(0, [0], [], [], [0], [], [], [], int.MaxValue, int.MaxValue, 0, tailCapacity);

    private Adjacency(
        int nodeCount, int[] outStart, int[] outPacked, int[] outEdge, int[] inStart, int[] inPacked, int[] inEdge, int[] outPos,
        int stableFrom, int lastChange, int edgeCount, int tailCapacity)
    {
        Dirty = new int[(nodeCount + 31) >> 5];
        Out = new AdjacencyRows(outStart, outPacked, outEdge, Dirty);
        In = new AdjacencyRows(inStart, inPacked, inEdge, Dirty);
        OutPos = outPos;
        _outBlock = Blocks(outStart, edgeCount);
        StableFrom = stableFrom;
        LastChange = lastChange;
        EdgeCount = edgeCount;
        Tail = new EdgeTail(tailCapacity);
    }

    public AdjacencyRows Out { get; }

    public AdjacencyRows In { get; }

    /// <summary>Per compacted edge: its position in <see cref="Out"/>'s compact rows.</summary>
    public int[] OutPos { get; }

    /// <summary>Ends and types of the edges numbered from <see cref="EdgeCount"/> on (entry i is edge EdgeCount + i).</summary>
    public EdgeTail Tail { get; }

    /// <summary>A stable CSR entry is alive at every commit from this one on (the newest start among them).</summary>
    public int StableFrom { get; }

    /// <summary>The newest commit at which a compacted relationship started or ended: from it on, exactly the stable entries are alive.</summary>
    public int LastChange { get; }

    /// <summary>Edges numbered below this were compacted into CSR rows.</summary>
    public int EdgeCount { get; }

    /// <summary>One bit per compacted node, set (by the writer, before the change) once the node has an overlay row in either direction.</summary>
    public int[] Dirty { get; }

    public int OverlayEntries => Out.OverlayEntries + In.OverlayEntries;

    /// <summary>True when the node's compact rows no longer describe it (or it was added after the compaction).</summary>
    public bool IsDirty(int node) =>
        (uint)node >= (uint)Out.CsrNodes || (Volatile.Read(ref Dirty[node >> 5]) & (1 << (node & 31))) != 0;

    /// <summary>The node an edge starts at; for any edge this adjacency or its tail holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Source(int edge) => edge < EdgeCount ? RowOf(OutPos[edge]) : Tail.Source(edge - EdgeCount);

    /// <summary>The node an edge ends at.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Target(int edge) => edge < EdgeCount ? AdjacencyRows.Neighbour(Out.Packed[OutPos[edge]]) : Tail.Target(edge - EdgeCount);

    /// <summary>The edge's relationship type index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort Type(int edge) => edge < EdgeCount ? (ushort)AdjacencyRows.Type(Out.Packed[OutPos[edge]]) : Tail.Type(edge - EdgeCount);

    /// <summary>The node whose outgoing compact row holds position <paramref name="pos"/>: the last one starting at or before it.</summary>
    private int RowOf(int pos)
    {
        var start = Out.Start;
        var block = pos >> BlockShift;
        int lo = _outBlock[block], hi = _outBlock[block + 1];
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= pos) lo = mid;
            else hi = mid - 1;
        }

        return lo;
    }

    private static int[] Blocks(int[] start, int edgeCount)
    {
        var nodes = start.Length - 1;
        var blocks = new int[(edgeCount >> BlockShift) + 2];
        var b = 0;
        for (var n = 0; n < nodes && b < blocks.Length; n++)
        {
            while (b < blocks.Length && (b << BlockShift) < start[n + 1]) blocks[b++] = n;
        }

        for (var last = Math.Max(0, nodes - 1); b < blocks.Length; b++) blocks[b] = last;
        return blocks;
    }
}
