using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;

namespace Cmdb.Benchmarks;

/// <summary>
/// The plain baseline: a breadth-first closure over the index's compact rows (other end and type per entry) in each
/// type's propagation direction, with a generation-stamped visited array (no clearing between runs) and no per-CI result objects.
/// </summary>
internal sealed class BfsBaseline
{
    private readonly GraphIndex _graph;
    private readonly bool[] _followOut;
    private readonly bool[] _followIn;
    private readonly int[] _stamp;
    private readonly int[] _queue;
    private int _generation;

    public BfsBaseline(GraphIndex graph)
    {
        _graph = graph;
        var types = graph.Model.RelationshipTypes;
        _followOut = types.Select(t => t.Propagation is Propagation.SourceToTarget or Propagation.Both).ToArray();
        _followIn = types.Select(t => t.Propagation is Propagation.TargetToSource or Propagation.Both).ToArray();
        _stamp = new int[graph.NodeCount];
        _queue = new int[graph.NodeCount];
    }

    /// <summary>Edges looked at by the last <see cref="Closure"/> (every incident edge of every reached CI).</summary>
    public long EdgesScanned { get; private set; }

    /// <summary>How many CIs trouble in <paramref name="start"/> reaches at commit <paramref name="seq"/>, itself included.</summary>
    public int Closure(int start, int seq)
    {
        var generation = ++_generation;
        var view = _graph.View();
        var queue = _queue;
        var stamp = _stamp;
        int head = 0, tail = 0;
        long scanned = 0;
        queue[tail++] = start;
        stamp[start] = generation;
        while (head < tail)
        {
            var u = queue[head++];
            scanned += Row(view, outgoing: true, _followOut, u, seq, generation, ref tail);
            scanned += Row(view, outgoing: false, _followIn, u, seq, generation, ref tail);
        }

        EdgesScanned = scanned;
        return tail;
    }

    /// <summary>
    /// Queues the unseen followed neighbours in one direction; returns the entries looked at. A compact row gives the other
    /// end and type per entry; only a row rewritten since the last compaction reads them by edge number.
    /// </summary>
    private int Row(in TopologyView view, bool outgoing, bool[] follow, int u, int seq, int generation, ref int tail)
    {
        var edges = view.Edges;
        var stamp = _stamp;
        var queue = _queue;
        var rows = outgoing ? view.Adjacency.Out : view.Adjacency.In;
        var own = outgoing ? view.OutOwn : view.InOwn;
        if (u < own.Length && Volatile.Read(ref own[u]) is { } row)
        {
            var count = Volatile.Read(ref row[0]);
            for (var i = 1; i <= count; i++)
            {
                var e = row[i];
                if (e >= edges.Count || !follow[edges.Type[e]] || edges.ValidFrom[e] > seq || seq >= edges.ValidTo[e]) continue;
                var v = outgoing ? edges.Target[e] : edges.Source[e];
                if (stamp[v] == generation) continue;
                stamp[v] = generation;
                queue[tail++] = v;
            }

            return count;
        }

        if (u >= rows.CsrNodes) return 0;
        int from = rows.Start[u], end = rows.Start[u + 1];
        var packed = rows.Packed;
        var edge = rows.Edge;
        for (var i = from; i < end; i++)
        {
            var p = packed[i];
            if (!follow[AdjacencyRows.Type(p)]) continue;
            var e = edge[i];
            if (edges.ValidFrom[e] > seq || seq >= edges.ValidTo[e]) continue;
            var v = AdjacencyRows.Neighbour(p);
            if (stamp[v] == generation) continue;
            stamp[v] = generation;
            queue[tail++] = v;
        }

        return end - from;
    }
}
