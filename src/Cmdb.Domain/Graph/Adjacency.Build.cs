namespace Cmdb.Domain.Graph;

internal sealed partial class Adjacency
{
    /// <summary>
    /// Builds CSR rows for edges 0..<paramref name="edgeCount"/>-1: those <paramref name="previous"/> compacted (read
    /// from its rows, no per-edge end arrays needed) and the rest from the tail arrays (entry i is edge
    /// previous.EdgeCount + i). Each row lists its edges in edge-number order, as the overlay does. Null when node or
    /// type indexes do not fit the packed entry.
    /// </summary>
    public static Adjacency? Build(
        Adjacency previous, int nodeCount, int edgeCount, int[] tailSource, int[] tailTarget, ushort[] tailType,
        int[] validFrom, int[] validTo, int typeCount)
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

        var outPos = new int[edgeCount];
        var compacted = previous.EdgeCount;
        var (outStart, outPacked, outEdge) = Rows(previous.Out, compacted, nodeCount, edgeCount, tailSource, tailTarget, tailType, validTo, outPos);
        var (inStart, inPacked, inEdge) = Rows(previous.In, compacted, nodeCount, edgeCount, tailTarget, tailSource, tailType, validTo, null);
        return new Adjacency(nodeCount, outStart, outPacked, outEdge, inStart, inPacked, inEdge, outPos, stableFrom, lastChange, edgeCount, 1024);
    }

    /// <summary>One direction: each node's old compact row (stable flags refreshed), then its tail edges in order.</summary>
    private static (int[] Start, int[] Packed, int[] Edge) Rows(
        AdjacencyRows old, int compacted, int nodeCount, int edgeCount, int[] from, int[] to, ushort[] type, int[] validTo, int[]? pos)
    {
        var oldStart = old.Start;
        var oldNodes = old.CsrNodes;
        var tail = edgeCount - compacted;
        var start = new int[nodeCount + 1];
        for (var n = 0; n < oldNodes; n++) start[n + 1] = oldStart[n + 1] - oldStart[n];
        for (var i = 0; i < tail; i++) start[from[i] + 1]++;
        for (var n = 0; n < nodeCount; n++) start[n + 1] += start[n];

        var packed = new int[edgeCount];
        var edge = new int[edgeCount];
        var next = new int[nodeCount];
        var oldPacked = old.Packed;
        var oldEdge = old.Edge;
        for (var n = 0; n < oldNodes; n++)
        {
            var at = start[n];
            for (int i = oldStart[n], end = oldStart[n + 1]; i < end; i++, at++)
            {
                var e = oldEdge[i];
                packed[at] = (oldPacked[i] & int.MaxValue) | (validTo[e] == int.MaxValue ? int.MinValue : 0);
                edge[at] = e;
                if (pos is not null) pos[e] = at;
            }

            next[n] = at;
        }

        for (var n = oldNodes; n < nodeCount; n++) next[n] = start[n];
        for (var i = 0; i < tail; i++)
        {
            var e = compacted + i;
            var at = next[from[i]]++;
            packed[at] = AdjacencyRows.Pack(to[i], type[i], validTo[e] == int.MaxValue);
            edge[at] = e;
            if (pos is not null) pos[e] = at;
        }

        return (start, packed, edge);
    }
}
