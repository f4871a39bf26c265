namespace Cmdb.Domain.Graph;

/// <summary>
/// The local numbering of <see cref="PropagationRows"/>: breadth-first along propagation, one root at a time, from
/// the nodes nothing propagates into (in public order), then from whatever cycles left over. A node's newly met
/// successors get consecutive numbers, and so do theirs, so each level of a closure lies in a few contiguous runs.
/// </summary>
internal static class PropagationOrder
{
    /// <summary>Public node numbers in local order (a permutation of 0..n-1).</summary>
    public static int[] Breadth(Adjacency adjacency, bool[] forward, bool[] backward, int[] indegree)
    {
        var n = indegree.Length;
        var order = new int[n];

        var seen = new bool[n];
        var tail = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var root = 0; root < n; root++)
            {
                if (seen[root] || (pass == 0 && indegree[root] != 0)) continue;
                seen[root] = true;
                var head = tail;
                order[tail++] = root;
                while (head < tail)
                {
                    var u = order[head++];
                    tail = Visit(adjacency.Out, u, forward, seen, order, tail);
                    tail = Visit(adjacency.In, u, backward, seen, order, tail);
                }
            }
        }

        return order;
    }

    private static int Visit(AdjacencyRows rows, int u, bool[] follow, bool[] seen, int[] order, int tail)
    {
        var packed = rows.Packed;
        for (int i = rows.Start[u], end = rows.Start[u + 1]; i < end; i++)
        {
            var p = packed[i];
            if (!AdjacencyRows.IsStable(p) || !follow[AdjacencyRows.Type(p)]) continue;
            var v = AdjacencyRows.Neighbour(p);
            if (seen[v]) continue;
            seen[v] = true;
            order[tail++] = v;
        }

        return tail;
    }
}
