using Cmdb.Domain.Graph;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

/// <summary>The neighbourhood of a CI, read from the store's graph index at the CI's read moment.</summary>
public static class Neighbours
{
    public static async Task<IReadOnlyList<NeighbourNode>> ReadAsync(
        ICmdbStore store, CiNode start, int depth, IReadOnlyCollection<string>? types, Direction direction, PageLoaders? loaders,
        CancellationToken cancellationToken)
    {
        var graph = await store.GetGraphAsync([start.Ci.Id], cancellationToken);
        var reached = Traverse(graph, start.Ci.Id, start.AsOf, depth, types, direction);
        var result = new List<NeighbourNode>(reached.Count);
        foreach (var r in reached)
        {
            if (r.Depth == 0) continue;
            var type = graph.Model.RelationshipTypes[graph.TypeIndex(r.ViaEdge)].Name;
            result.Add(new NeighbourNode(
                graph.CiId(r.Node), r.Depth, graph.CiId(graph.Source(r.ViaEdge)), graph.CiId(graph.Target(r.ViaEdge)), type, start.AsOf)
            {
                Loaders = loaders,
            });
        }

        return result;
    }

    /// <summary>The ids of the CIs <see cref="ReadAsync"/> would return, in the same order.</summary>
    public static List<string> Reach(
        GraphIndex graph, string startId, DateTimeOffset? asOf, int depth, IReadOnlyCollection<string>? types, Direction direction)
    {
        var reached = Traverse(graph, startId, asOf, depth, types, direction);
        var ids = new List<string>(reached.Count);
        foreach (var r in reached)
        {
            if (r.Depth > 0) ids.Add(graph.CiId(r.Node));
        }

        return ids;
    }

    private static List<Reached> Traverse(
        GraphIndex graph, string startId, DateTimeOffset? asOf, int depth, IReadOnlyCollection<string>? types, Direction direction)
    {
        if (!graph.TryGetNode(startId, out var node)) return [];
        var seq = graph.Commits.Resolve(asOf);
        var typeIndexes = types?.Select(t => graph.Model.GetRelationshipType(t).Index).ToHashSet();
        return GraphTraversal.Neighbourhood(graph, [node], direction, typeIndexes, depth, seq);
    }
}
