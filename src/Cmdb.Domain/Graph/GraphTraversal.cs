using Cmdb.Domain.Impact;
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

        var follow = new bool[graph.Model.RelationshipTypes.Count];
        for (var t = 0; t < follow.Length; t++) follow[t] = typeIndexes is null || typeIndexes.Contains(t);
        var view = graph.View();
        for (var head = 0; head < result.Count; head++)
        {
            var current = result[head];
            if (current.Depth >= maxDepth) continue;
            if (current.Depth > 0 && !includeRetired && !graph.IsLiveAt(current.Node, seq)) continue;

            // Rows list a node's edges in edge-number order (as OutEdges/InEdges do), so "first reached by" is unchanged.
            if (direction != Direction.Incoming)
            {
                for (var c = new IncidentCursor(view, outgoing: true, follow, current.Node, seq); c.MoveNext();) Visit(c.Other, c.Edge);
            }

            if (direction != Direction.Outgoing)
            {
                for (var c = new IncidentCursor(view, outgoing: false, follow, current.Node, seq); c.MoveNext();) Visit(c.Other, c.Edge);
            }

            void Visit(int next, int e)
            {
                if (graph.StateAt(next, seq) is null) return;
                if (!includeRetired && !graph.IsLiveAt(next, seq)) return;
                if (visited.Add(next)) result.Add(new Reached(next, current.Depth + 1, e));
            }
        }

        return result;
    }
}
