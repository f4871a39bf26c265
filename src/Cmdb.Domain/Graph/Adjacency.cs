namespace Cmdb.Domain.Graph;

/// <summary>
/// Both directions of a <see cref="GraphIndex"/>'s adjacency as of one compaction, with the overlay written since.
/// Replaced as a whole by the next compaction; a reader keeps the one it started with.
/// </summary>
internal sealed partial class Adjacency
{
    /// <summary>Before the first compaction: every row lives in the overlay.</summary>
    public static Adjacency Empty() => new(0, [0], [], [], [0], [], [], int.MaxValue, int.MaxValue, 0);

    private Adjacency(
        int nodeCount, int[] outStart, int[] outPacked, int[] outEdge, int[] inStart, int[] inPacked, int[] inEdge,
        int stableFrom, int lastChange, int edgeCount)
    {
        Dirty = new int[(nodeCount + 31) >> 5];
        Out = new AdjacencyRows(outStart, outPacked, outEdge, Dirty);
        In = new AdjacencyRows(inStart, inPacked, inEdge, Dirty);
        StableFrom = stableFrom;
        LastChange = lastChange;
        EdgeCount = edgeCount;
    }

    public AdjacencyRows Out { get; }

    public AdjacencyRows In { get; }

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

    /// <summary>
    /// Builds CSR rows for edges 0..<paramref name="edgeCount"/>-1 (each row in edge-number order, as the overlay
    /// lists them); null when node or type indexes do not fit the packed entry.
    /// </summary>
    public static Adjacency? Build(int nodeCount, int edgeCount, int[] source, int[] target, ushort[] type, int[] validFrom, int[] validTo, int typeCount)
    {
        if (typeCount > AdjacencyRows.MaxTypes || nodeCount > AdjacencyRows.MaxNodes) return null;
        int stableFrom = 0, lastChange = 0;
        for (var e = 0; e < edgeCount; e++)
        {
            var from = validFrom[e];
            var to = validTo[e];
            if (from > lastChange) lastChange = from;
            if (to == int.MaxValue)
            {
                if (from > stableFrom) stableFrom = from;
            }
            else if (to > lastChange)
            {
                lastChange = to;
            }
        }

        var (outStart, outPacked, outEdge) = Rows(nodeCount, edgeCount, source, target, type, validTo);
        var (inStart, inPacked, inEdge) = Rows(nodeCount, edgeCount, target, source, type, validTo);
        return new Adjacency(nodeCount, outStart, outPacked, outEdge, inStart, inPacked, inEdge, stableFrom, lastChange, edgeCount);
    }

    private static (int[] Start, int[] Packed, int[] Edge) Rows(int nodeCount, int edgeCount, int[] from, int[] to, ushort[] type, int[] validTo)
    {
        var start = new int[nodeCount + 1];
        for (var e = 0; e < edgeCount; e++) start[from[e] + 1]++;
        for (var n = 0; n < nodeCount; n++) start[n + 1] += start[n];
        var next = start.AsSpan(0, nodeCount).ToArray();
        var packed = new int[edgeCount];
        var edge = new int[edgeCount];
        for (var e = 0; e < edgeCount; e++)
        {
            var i = next[from[e]]++;
            packed[i] = AdjacencyRows.Pack(to[e], type[e], validTo[e] == int.MaxValue);
            edge[i] = e;
        }

        return (start, packed, edge);
    }
}
