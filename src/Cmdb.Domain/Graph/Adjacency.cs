namespace Cmdb.Domain.Graph;

/// <summary>
/// Both directions of a <see cref="GraphIndex"/>'s adjacency as of one compaction, with the overlay written since.
/// Replaced as a whole by the next compaction; a reader keeps the one it started with.
/// </summary>
internal sealed class Adjacency
{
    /// <summary>Before the first compaction: every row lives in the overlay.</summary>
    public static Adjacency Empty() => new(new AdjacencyRows([0], [], []), new AdjacencyRows([0], [], []), int.MaxValue, 0);

    private Adjacency(AdjacencyRows outRows, AdjacencyRows inRows, int stableFrom, int edgeCount)
    {
        Out = outRows;
        In = inRows;
        StableFrom = stableFrom;
        EdgeCount = edgeCount;
    }

    public AdjacencyRows Out { get; }

    public AdjacencyRows In { get; }

    /// <summary>A stable CSR entry is alive at every commit from this one on (the newest start among them).</summary>
    public int StableFrom { get; }

    /// <summary>Edges numbered below this were compacted into CSR rows.</summary>
    public int EdgeCount { get; }

    public int OverlayEntries => Out.OverlayEntries + In.OverlayEntries;

    /// <summary>
    /// Builds CSR rows for edges 0..<paramref name="edgeCount"/>-1 (each row in edge-number order, as the overlay
    /// lists them); null when node or type indexes do not fit the packed entry.
    /// </summary>
    public static Adjacency? Build(int nodeCount, int edgeCount, int[] source, int[] target, ushort[] type, int[] validFrom, int[] validTo, int typeCount)
    {
        if (typeCount > AdjacencyRows.MaxTypes || nodeCount > AdjacencyRows.MaxNodes) return null;
        var stableFrom = 0;
        for (var e = 0; e < edgeCount; e++)
        {
            if (validTo[e] == int.MaxValue && validFrom[e] > stableFrom) stableFrom = validFrom[e];
        }

        var outRows = Rows(nodeCount, edgeCount, source, target, type, validTo);
        var inRows = Rows(nodeCount, edgeCount, target, source, type, validTo);
        return new Adjacency(outRows, inRows, stableFrom, edgeCount);
    }

    private static AdjacencyRows Rows(int nodeCount, int edgeCount, int[] from, int[] to, ushort[] type, int[] validTo)
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

        return new AdjacencyRows(start, packed, edge);
    }
}
