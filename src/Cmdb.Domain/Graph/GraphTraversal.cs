using Cmdb.Domain.Relationships;

namespace Cmdb.Domain.Graph;

/// <summary>A CI reached by a traversal: its node, how many hops away, and the edge it was first reached by (-1 for a start).</summary>
public readonly record struct Reached(int Node, int Depth, int ViaEdge);

/// <summary>Breadth-first neighbourhood reads over a <see cref="GraphIndex"/>, at any commit.</summary>
public static class GraphTraversal
{
    /// <summary>
    /// Every CI within <paramref name="maxDepth"/> hops of the start nodes, each once, nearest first. Follows only
    /// relationships alive at <paramref name="seq"/> and of the given types (null: all); retired CIs are not expanded
    /// past unless <paramref name="includeRetired"/>. Start nodes are included at depth 0.
    /// </summary>
    public static List<Reached> Neighbourhood(
        GraphIndex graph, IReadOnlyCollection<int> starts, Direction direction, IReadOnlySet<int>? typeIndexes,
        int maxDepth, int seq, bool includeRetired = false)
    {
        var visited = new HashSet<int>();
        var result = new List<Reached>();
        foreach (var s in starts)
        {
            if (visited.Add(s)) result.Add(new Reached(s, 0, -1));
        }

        var edges = graph.Arrays;
        for (var head = 0; head < result.Count; head++)
        {
            var current = result[head];
            if (current.Depth >= maxDepth) continue;
            if (current.Depth > 0 && !includeRetired && !graph.IsLiveAt(current.Node, seq)) continue;
            if (direction != Direction.Incoming) Expand(graph.OutEdges(current.Node), edges.Target);
            if (direction != Direction.Outgoing) Expand(graph.InEdges(current.Node), edges.Source);

            void Expand(ReadOnlySpan<int> incident, int[] otherEnd)
            {
                foreach (var e in incident)
                {
                    if (e >= edges.Count || !graph.IsAlive(e, seq)) continue;
                    if (typeIndexes is not null && !typeIndexes.Contains(edges.Type[e])) continue;
                    var next = otherEnd[e];
                    if (graph.StateAt(next, seq) is null) continue;
                    if (!includeRetired && !graph.IsLiveAt(next, seq)) continue;
                    if (visited.Add(next)) result.Add(new Reached(next, current.Depth + 1, e));
                }
            }
        }

        return result;
    }
}
