using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact.Export;
using Cmdb.Domain.Relationships;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>References for <see cref="RowReadsPropertyTests"/>: every relationship read by edge number through the public per-edge lookups.</summary>
internal static class EdgeByEdge
{
    /// <summary>Breadth-first, each node's edges in edge-number order, as <see cref="GraphTraversal.Neighbourhood"/> promises.</summary>
    public static List<Reached> Neighbourhood(
        GraphIndex graph, IReadOnlyCollection<int> starts, Direction direction, HashSet<int>? types, int maxDepth, int seq, bool includeRetired)
    {
        var visited = new HashSet<int>();
        var result = new List<Reached>();
        foreach (var s in starts)
        {
            if (visited.Add(s)) result.Add(new Reached(s, 0, -1));
        }

        for (var head = 0; head < result.Count; head++)
        {
            var current = result[head];
            if (current.Depth >= maxDepth) continue;
            if (current.Depth > 0 && !includeRetired && !graph.IsLiveAt(current.Node, seq)) continue;
            if (direction != Direction.Incoming) Expand(graph.OutEdges(current.Node).ToArray(), outgoing: true);
            if (direction != Direction.Outgoing) Expand(graph.InEdges(current.Node).ToArray(), outgoing: false);

            void Expand(int[] incident, bool outgoing)
            {
                foreach (var e in incident)
                {
                    if (!graph.IsAlive(e, seq) || (types is not null && !types.Contains(graph.TypeIndex(e)))) continue;
                    var next = outgoing ? graph.Target(e) : graph.Source(e);
                    if (graph.StateAt(next, seq) is null || (!includeRetired && !graph.IsLiveAt(next, seq))) continue;
                    if (visited.Add(next)) result.Add(new Reached(next, current.Depth + 1, e));
                }
            }
        }

        return result;
    }

    /// <summary>The relationships among <paramref name="nodes"/>: by node in first-seen order, then by edge number.</summary>
    public static List<string> SubgraphEdges(GraphIndex graph, IReadOnlyList<int> nodes, int seq, HashSet<int>? types)
    {
        var present = nodes.Where(n => graph.StateAt(n, seq) is not null).Distinct().ToList();
        var set = present.ToHashSet();
        var edges = new List<string>();
        foreach (var n in present)
        {
            foreach (var e in graph.OutEdges(n).ToArray())
            {
                if (!graph.IsAlive(e, seq) || !set.Contains(graph.Target(e)) || (types is not null && !types.Contains(graph.TypeIndex(e)))) continue;
                var type = graph.Model.RelationshipTypes[graph.TypeIndex(e)].Name;
                edges.Add(new SubgraphEdge(graph.CiId(n), graph.CiId(graph.Target(e)), type, graph.Key(e)).ToString());
            }
        }

        return edges;
    }

    /// <summary>Every relationship alive at <paramref name="seq"/> between CIs that exist then, in edge-number order.</summary>
    public static List<(long Key, string Source, string Target, int Type)> CopiedEdges(GraphIndex graph, int seq)
    {
        var edges = new List<(long, string, string, int)>();
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            int source = graph.Source(e), target = graph.Target(e);
            if (!graph.IsAlive(e, seq) || graph.StateAt(source, seq) is null || graph.StateAt(target, seq) is null) continue;
            edges.Add((graph.Key(e), graph.CiId(source), graph.CiId(target), graph.TypeIndex(e)));
        }

        return edges;
    }
}
