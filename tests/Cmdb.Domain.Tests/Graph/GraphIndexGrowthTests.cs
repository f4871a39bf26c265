using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;

namespace Cmdb.Domain.Tests.Topology;

/// <summary>
/// How the node arrays grow: a loader reserves the exact count, a batch of writes grows them as adding nodes one by
/// one does, so a run of batches on an exactly loaded index copies the arrays once, not once per batch.
/// </summary>
public class GraphIndexGrowthTests
{
    [Fact]
    public void GrowNodes_OnAnExactlyReservedIndex_GrowsGeometricallyOnceAndKeepsEveryNode()
    {
        var graph = new GraphIndex(TestModels.Seed);
        graph.ReserveNodes(5000);
        Assert.Equal(5000, graph.NodeCapacity); // the loader's reservation is exact
        for (var i = 0; i < 5000; i++) Upsert(graph, $"ci-{i}");

        graph.GrowNodes(5010); // a batch of 10 new CIs
        var grown = graph.NodeCapacity;
        Assert.True(grown >= 10_000, $"grew to {grown} for 5010 nodes: every later batch would copy the arrays again");
        for (var i = 5000; i < 5010; i++) Upsert(graph, $"ci-{i}");

        graph.GrowNodes(5020); // the next batch fits: nothing moves
        Assert.Equal(grown, graph.NodeCapacity);
        graph.GrowNodes(grown + 1); // beyond the room: at least the count asked
        Assert.True(graph.NodeCapacity > grown);

        for (var i = 0; i < 5010; i++)
        {
            Assert.True(graph.TryGetNode($"ci-{i}", out var node));
            Assert.Equal(i, node);
            Assert.Equal(graph.Model.GetClass(Application).Index, graph.CurrentClassIndex(node));
        }

        Assert.Equal(-1, graph.CurrentClassIndex(graph.NodeCount)); // no such node: only StateAt could answer
    }

    [Fact]
    public void GrowNodes_ForABatchLargerThanTheGrowth_LeavesAQuarterOfRoomForTheNextBatch()
    {
        var graph = new GraphIndex(TestModels.Seed);
        graph.GrowNodes(50_000); // a bulk batch far beyond doubling the initial arrays
        var grown = graph.NodeCapacity;
        Assert.True(grown >= 62_500, $"grew to {grown} for 50,000 nodes: the next small batch would copy the arrays again");
        for (var i = 0; i < 50_000; i++) Upsert(graph, $"ci-{i}");

        graph.GrowNodes(50_100); // a small batch after it fits
        Assert.Equal(grown, graph.NodeCapacity);
        Upsert(graph, "ci-last");
        Assert.True(graph.TryGetNode("ci-49999", out var node));
        Assert.Equal(49_999, node);
    }

    private static int Upsert(GraphIndex graph, string id) =>
        graph.UpsertNode(id, graph.Model.GetClass(Application).Index, CiStatus.Active, null, null, null, 1);
}
