using Cmdb.Domain.Model;

namespace Cmdb.Domain.Graph;

internal sealed partial class PropagationRows
{
    /// <summary>
    /// Builds the rows for <paramref name="adjacency"/>'s compact rows and <paramref name="model"/>'s propagation;
    /// <paramref name="facts"/> (the current packed facts) only choose which nodes get their alternatives listed.
    /// </summary>
    public static PropagationRows Build(Adjacency adjacency, ModelCatalog model, long[] facts)
    {
        var types = model.RelationshipTypes;
        var forward = new bool[AdjacencyRows.MaxTypes];
        var backward = new bool[AdjacencyRows.MaxTypes];
        var redundant = new bool[AdjacencyRows.MaxTypes];
        for (var t = 0; t < types.Count && t < AdjacencyRows.MaxTypes; t++)
        {
            forward[t] = types[t].Propagation is Propagation.SourceToTarget or Propagation.Both;
            backward[t] = types[t].Propagation is Propagation.TargetToSource or Propagation.Both;
            redundant[t] = types[t].Redundant;
        }

        var n = adjacency.Out.CsrNodes;
        var degree = new int[n];
        var indegree = new int[n];
        Count(adjacency.Out, forward, degree, indegree);
        Count(adjacency.In, backward, degree, indegree);
        var order = PropagationOrder.Breadth(adjacency, forward, backward, indegree);
        var toLocal = new int[n];
        for (var i = 0; i < n; i++) toLocal[order[i]] = i;

        var start = new int[n + 1];
        for (var i = 0; i < n; i++) start[i + 1] = start[i] + degree[order[i]];
        var entry = new int[start[n]];
        for (var i = 0; i < n; i++)
        {
            var at = start[i];
            Fill(adjacency.Out, order[i], forward, redundant, toLocal, entry, ref at);
            Fill(adjacency.In, order[i], backward, redundant, toLocal, entry, ref at);
        }

        return new PropagationRows(adjacency, forward, backward, start, entry, order, toLocal, facts);
    }

    private static (int[] Nodes, int[] Start, int[] From, int[] Into) Reverse(int[] start, int[] entry, int[] toPublic, long[] facts)
    {
        var n = start.Length - 1;
        var count = new int[n];
        var into = new int[(n + 31) >> 5];
        for (var u = 0; u < n; u++)
        {
            for (var i = start[u]; i < start[u + 1]; i++)
            {
                var v = Neighbour(entry[i]);
                if (entry[i] >= 0 || v == u) continue;
                into[v >> 5] |= 1 << (v & 31);
                if (HasMinHealthy(facts, toPublic[v])) count[v]++;
            }
        }

        var nodes = new List<int>();
        var rowStart = new List<int> { 0 };
        var at = new int[n];
        for (var v = 0; v < n; v++)
        {
            if (count[v] == 0) continue;
            at[v] = rowStart[^1];
            nodes.Add(v);
            rowStart.Add(rowStart[^1] + count[v]);
        }

        var from = new int[rowStart[^1]];
        for (var u = 0; u < n; u++)
        {
            for (var i = start[u]; i < start[u + 1]; i++)
            {
                var v = Neighbour(entry[i]);
                if (entry[i] < 0 && v != u && count[v] > 0) from[at[v]++] = u;
            }
        }

        return (nodes.ToArray(), rowStart.ToArray(), from, into);
    }

    /// <summary>Per row of the reverse lists: do all its alternatives take part (known facts, not retired)?</summary>
    private static int[] WholeRows(int[] rowStart, int[] from, int[] facts)
    {
        var rows = rowStart.Length - 1;
        var whole = new int[(rows + 31) >> 5];
        for (var r = 0; r < rows; r++)
        {
            var all = true;
            for (var k = rowStart[r]; k < rowStart[r + 1] && all; k++) all = facts[from[k]] >= 0 && !LocalFacts.IsRetired(facts[from[k]]);
            if (all) whole[r >> 5] |= 1 << (r & 31);
        }

        return whole;
    }

    /// <summary>A bit per listed node, and per word the number of listed nodes before it: a listed node's row in O(1).</summary>
    private static (int[] Bits, int[] Before) Ranks(int[] listed, int n)
    {
        var bits = new int[(n + 31) >> 5];
        foreach (var v in listed) bits[v >> 5] |= 1 << (v & 31);
        var before = new int[bits.Length];
        for (int w = 0, sum = 0; w < bits.Length; w++)
        {
            before[w] = sum;
            sum += System.Numerics.BitOperations.PopCount((uint)bits[w]);
        }

        return (bits, before);
    }

    /// <summary>True when the node's current facts name minHealthy (or cannot say without the state object).</summary>
    private static bool HasMinHealthy(long[] facts, int node)
    {
        if (2 * node >= facts.Length) return false;
        var first = Volatile.Read(ref facts[2 * node]);
        return PackedFacts.IsState(first) ? PackedFacts.MinHealthy(first) > 0 : first != 0;
    }

    private static void Count(AdjacencyRows rows, bool[] follow, int[] degree, int[] indegree)
    {
        var start = rows.Start;
        var packed = rows.Packed;
        for (var u = 0; u < degree.Length; u++)
        {
            for (var i = start[u]; i < start[u + 1]; i++)
            {
                var p = packed[i];
                if (!AdjacencyRows.IsStable(p) || !follow[AdjacencyRows.Type(p)]) continue;
                degree[u]++;
                indegree[AdjacencyRows.Neighbour(p)]++;
            }
        }
    }

    private static void Fill(AdjacencyRows rows, int node, bool[] follow, bool[] redundant, int[] toLocal, int[] entry, ref int at)
    {
        var packed = rows.Packed;
        for (int i = rows.Start[node], end = rows.Start[node + 1]; i < end; i++)
        {
            var p = packed[i];
            var t = AdjacencyRows.Type(p);
            if (!AdjacencyRows.IsStable(p) || !follow[t]) continue;
            entry[at] = toLocal[AdjacencyRows.Neighbour(p)] | (t << 24) | (redundant[t] ? RedundantBit : 0);
            at++;
        }
    }
}
