using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Testing.Synthetic;

public sealed partial class SyntheticEstate
{
    /// <summary>Every CI's id, by index (what a store would read back from its tables).</summary>
    public string[] Ids()
    {
        var ids = new string[CiCount];
        for (var i = 0; i < CiCount; i++) ids[i] = Id(i);
        return ids;
    }

    /// <summary>
    /// Loads the estate straight into a <see cref="GraphIndex"/> as one commit (seq 1 at <paramref name="committedAt"/>),
    /// without a store, for traversal benchmarks and tests. Node numbers equal CI indexes.
    /// </summary>
    public GraphIndex LoadGraph(ModelCatalog model, DateTimeOffset committedAt, string[]? ids = null)
    {
        ids ??= Ids();
        var classIndexes = SyntheticKindInfo.All.Select(k => model.GetClass(k.Class).Index).ToArray();
        var typeIndexes = Enumerable.Range(0, SyntheticRelationshipTypes.Count)
            .Select(t => model.GetRelationshipType(SyntheticRelationshipTypes.Name((SyntheticRelationshipType)t)).Index)
            .ToArray();
        var graph = new GraphIndex(model);
        graph.ReserveNodes(CiCount); // as the store's start-up does: it counts the CIs first
        for (var i = 0; i < CiCount; i++)
        {
            graph.UpsertNode(ids[i], classIndexes[(int)_kinds[i]], CiStatus.Active, Environment(i), Criticality(i), MinHealthy(i), 1);
        }

        for (var r = 0; r < RelationshipCount; r++)
        {
            graph.AddEdge(r + 1, _sources[r], _targets[r], typeIndexes[(int)_types[r]], 1);
        }

        graph.Commits.Append(1, committedAt);
        return graph;
    }
}
