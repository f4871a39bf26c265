using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Domain.Relationships;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Topology;

public class GraphIndexCompactionTests
{
    [Fact]
    public void Compact_AfterWrites_ListsTheSameEdgesInTheSameOrder()
    {
        var (graph, _) = RandomGraph(new Random(7), 300, compactAfterFirst: false);
        var before = Snapshot(graph);
        graph.Compact();
        Assert.Equal(before, Snapshot(graph));
        Assert.Equal(0, graph.OverlayEntries);
    }

    [Fact]
    public void Writes_AfterCompaction_AgreeWithAnIndexThatNeverCompacted()
    {
        var (compacted, seqs) = RandomGraph(new Random(11), 300, compactAfterFirst: true);
        var (plain, _) = RandomGraph(new Random(11), 300, compactAfterFirst: false);
        Assert.True(compacted.CompactionCount > 0);
        Assert.True(compacted.OverlayEntries > 0);
        Assert.Equal(Snapshot(plain), Snapshot(compacted));
        foreach (var seq in seqs.Prepend(0))
        {
            for (var n = 0; n < plain.NodeCount; n += 7)
            {
                Assert.Equal(Around(plain, n, seq), Around(compacted, n, seq));
            }
        }
    }

    [Fact]
    public void RemoveEdge_OfACompactedEdge_EndsItOnlyFromItsCommitOn()
    {
        var b = new GraphBuilder().Ci("app", Application).Ci("db", Database).Rel("app", DependsOn, "db").Commit(out var first);
        b.Graph.Compact();
        b.RemoveRel("app", DependsOn, "db").Commit(out var second);
        var graph = b.Graph;
        graph.TryGetNode("db", out var db);
        Assert.Equal(2, Around(graph, db, first).Count);
        Assert.Single(Around(graph, db, second));
        graph.Compact();
        Assert.Equal(2, Around(graph, db, first).Count);
        Assert.Single(Around(graph, db, second));
    }

    [Fact]
    public void CommitsAppend_OverlayAboveTheThreshold_CompactsBeforePublishing()
    {
        var b = new GraphBuilder().Ci("hub", Switch);
        b.Graph.CompactionFloor = 10;
        for (var i = 0; i < 20; i++) b.Ci($"h{i}", Hypervisor).Rel($"h{i}", ConnectsTo, "hub");
        Assert.Equal(0, b.Graph.CompactionCount);
        b.Commit();
        Assert.Equal(1, b.Graph.CompactionCount);
        Assert.Equal(0, b.Graph.OverlayEntries);
        b.Ci("late", Hypervisor).Commit();
        Assert.Equal(1, b.Graph.CompactionCount); // no relationship written: nothing to compact
        b.Rel("late", ConnectsTo, "hub").Commit();
        Assert.Equal(2, b.Graph.CompactionCount); // the hub's 20-entry row was copied to the overlay: above 10 + 40 / 8
        b.Graph.TryGetNode("hub", out var hub);
        Assert.Equal(21, b.Graph.InEdges(hub).Length);
    }

    [Fact]
    public void UpsertNode_RetiredAfterCompaction_IsSkippedNowButNotAsOfBefore()
    {
        var b = new GraphBuilder().Ci("hv", Hypervisor).Ci("vm", VirtualMachine).Rel("vm", HostedOn, "hv").Ci("app", Application)
            .Rel("app", RunsOn, "vm").Commit(out var first);
        b.Graph.Compact();
        b.Retire("vm").Commit(out var second);
        var analyzer = new Cmdb.Domain.Impact.ImpactAnalyzer();
        Assert.Equal(3, analyzer.Impact(b.Graph, ["hv"], new() { AsOfSeq = first }).TotalCount);
        Assert.Equal(1, analyzer.Impact(b.Graph, ["hv"], new() { AsOfSeq = second }).TotalCount);
    }

    /// <summary>A random graph in three commits; with <paramref name="compactAfterFirst"/> the last two land in the overlay.</summary>
    internal static (GraphIndex Graph, int[] Seqs) RandomGraph(Random random, int size, bool compactAfterFirst)
    {
        var b = new GraphBuilder();
        string[] types = [DependsOn, RunsOn, HostedOn, ConnectsTo, MemberOf];
        var edges = new List<(string, string, string)>();
        for (var i = 0; i < size; i++) b.Ci($"ci{i}", Application);
        AddEdges(b, random, size, types, edges, size * 3);
        b.Commit(out var first);
        if (compactAfterFirst) b.Graph.Compact();
        for (var i = 0; i < size / 5; i++)
        {
            var at = random.Next(edges.Count);
            var (s, t, target) = edges[at];
            edges.RemoveAt(at);
            b.RemoveRel(s, t, target);
        }

        b.Commit(out var second);
        AddEdges(b, random, size, types, edges, size / 2);
        for (var i = size; i < size + 10; i++) b.Ci($"ci{i}", Application).Rel($"ci{i}", DependsOn, $"ci{random.Next(size)}");
        b.Retire($"ci{random.Next(size)}");
        b.Commit(out var third);
        return (b.Graph, [first, second, third]);
    }

    private static void AddEdges(GraphBuilder b, Random random, int size, string[] types, List<(string, string, string)> edges, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var edge = ($"ci{random.Next(size)}", types[random.Next(types.Length)], $"ci{random.Next(size)}");
            b.Rel(edge.Item1, edge.Item2, edge.Item3);
            edges.Add(edge);
        }
    }

    private static List<string> Snapshot(GraphIndex graph)
    {
        var rows = new List<string>();
        for (var n = 0; n < graph.NodeCount; n++)
        {
            rows.Add($"{n} out {string.Join(',', graph.OutEdges(n).ToArray())} in {string.Join(',', graph.InEdges(n).ToArray())}");
        }

        return rows;
    }

    private static List<string> Around(GraphIndex graph, int node, int seq) =>
        GraphTraversal.Neighbourhood(graph, [node], Direction.Both, null, 2, seq)
            .Select(r => $"{r.Node}@{r.Depth}").Order(StringComparer.Ordinal).ToList();
}
