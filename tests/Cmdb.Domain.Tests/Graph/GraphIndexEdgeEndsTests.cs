using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Topology;

/// <summary>
/// A compacted edge's ends and type are read back from the compact rows (there is no per-edge end array), later ones
/// from the adjacency's tail: every way of reading them must give what was written, across loads, writes and compactions.
/// </summary>
public class GraphIndexEdgeEndsTests
{
    [Fact]
    public void SourceTargetType_AcrossWritesAndCompactions_AreWhatWasWritten()
    {
        var random = new Random(3);
        var graph = NewGraph(3000); // sparse: most rows empty, so a row lookup crosses many empty rows
        var written = new List<(int Source, int Target, int Type)>();
        for (var round = 0; round < 4; round++)
        {
            for (var i = 0; i < 400; i++) Add(graph, written, Edge(random, graph.NodeCount, hub: i % 7 == 0), round + 1);
            AssertEnds(graph, written);
            if (round % 2 == 0) graph.Compact();
            AssertEnds(graph, written);
            var removed = random.Next(written.Count); // ends an edge (compacted or not): its ends stay readable
            graph.RemoveEdge(graph.Key(removed), written[removed].Source, round + 1);
        }

        graph.Compact();
        AssertEnds(graph, written);
    }

    [Fact]
    public void LoadEdges_ThenWritesAndASecondBatch_ReadsEveryEndBack()
    {
        var random = new Random(8);
        var graph = NewGraph(500);
        var written = new List<(int Source, int Target, int Type)>();
        var batch = new EdgeBatch(16);
        for (var i = 0; i < 2000; i++)
        {
            var (s, t, type) = Edge(random, graph.NodeCount, hub: i % 5 == 0);
            batch.Add(i + 1, s, t, type, 1, i % 11 == 0 ? 2 : null);
            written.Add((s, t, type));
        }

        graph.LoadEdges(batch);
        AssertEnds(graph, written);
        for (var i = 0; i < 50; i++) Add(graph, written, Edge(random, graph.NodeCount, hub: false), 3);
        AssertEnds(graph, written);

        var second = new EdgeBatch(16);
        for (var i = 0; i < 300; i++)
        {
            var (s, t, type) = Edge(random, graph.NodeCount, hub: false);
            second.Add(10_000 + i, s, t, type, 4, null);
            written.Add((s, t, type));
        }

        graph.LoadEdges(second);
        AssertEnds(graph, written);
        Assert.Equal(2, graph.CompactionCount);
    }

    private static GraphIndex NewGraph(int nodes)
    {
        var graph = new GraphIndex(TestModels.Seed);
        for (var n = 0; n < nodes; n++) graph.UpsertNode($"n{n}", 0, CiStatus.Active, null, null, null, 1);
        return graph;
    }

    /// <summary>A random edge; a "hub" edge starts at node 1, so its row spans several lookup blocks.</summary>
    private static (int, int, int) Edge(Random random, int nodes, bool hub) =>
        (hub ? 1 : random.Next(nodes), random.Next(nodes), random.Next(TestModels.Seed.RelationshipTypes.Count));

    private static void Add(GraphIndex graph, List<(int Source, int Target, int Type)> written, (int S, int T, int Type) edge, int seq)
    {
        Assert.Equal(written.Count, graph.AddEdge(1_000_000 + written.Count, edge.S, edge.T, edge.Type, seq));
        written.Add(edge);
    }

    private static void AssertEnds(GraphIndex graph, List<(int Source, int Target, int Type)> written)
    {
        var arrays = graph.Arrays;
        Assert.Equal(written.Count, arrays.Count);
        for (var e = 0; e < written.Count; e++)
        {
            Assert.Equal(written[e], (graph.Source(e), graph.Target(e), graph.TypeIndex(e)));
            Assert.Equal(written[e], (arrays.Source[e], arrays.Target[e], (int)arrays.Type[e]));
            Assert.Contains(e, graph.OutEdges(written[e].Source).ToArray());
            Assert.Contains(e, graph.InEdges(written[e].Target).ToArray());
        }
    }
}
