using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;

namespace Cmdb.Benchmarks;

/// <summary>
/// The plain baseline: a breadth-first closure over the index's adjacency and edge arrays in each type's propagation
/// direction, with a generation-stamped visited array (no clearing between runs) and no per-CI result objects.
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
        var edges = _graph.Arrays;
        var queue = _queue;
        var stamp = _stamp;
        int head = 0, tail = 0;
        long scanned = 0;
        queue[tail++] = start;
        stamp[start] = generation;
        while (head < tail)
        {
            var u = queue[head++];
            var outgoing = _graph.OutEdges(u);
            scanned += outgoing.Length;
            foreach (var e in outgoing)
            {
                if (!_followOut[edges.Type[e]] || edges.ValidFrom[e] > seq || seq >= edges.ValidTo[e]) continue;
                var v = edges.Target[e];
                if (stamp[v] == generation) continue;
                stamp[v] = generation;
                queue[tail++] = v;
            }

            var incoming = _graph.InEdges(u);
            scanned += incoming.Length;
            foreach (var e in incoming)
            {
                if (!_followIn[edges.Type[e]] || edges.ValidFrom[e] > seq || seq >= edges.ValidTo[e]) continue;
                var v = edges.Source[e];
                if (stamp[v] == generation) continue;
                stamp[v] = generation;
                queue[tail++] = v;
            }
        }

        EdgesScanned = scanned;
        return tail;
    }
}
