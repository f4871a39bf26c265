using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Impact.Export;
using Cmdb.Domain.Items;
using Cmdb.Domain.Relationships;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// Paths, neighbourhoods, subgraphs and what-if copies read a node's relationships from its rows: compact rows, overlay
/// rows written since, or both. The same history compacted at different points must give identical answers, in the
/// same order, and match a reference that reads every edge by number.
/// </summary>
public class RowReadsPropertyTests
{
    private static readonly string[] Types = RandomImpactGraphs.Model.RelationshipTypes.Select(t => t.Name).ToArray();

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RowReads_AnyCompactionPoint_AnswerExactlyLikeEdgeByEdgeReads(int seed)
    {
        var graphs = new[] { Build(seed, 0, out var first, out var second), Build(seed, 1, out _, out _), Build(seed, 2, out _, out _) };
        var size = graphs[0].NodeCount;
        var random = new Random(seed * 7919);
        var analyzer = new ImpactAnalyzer();
        int reached = 0, paths = 0, copied = 0;
        for (var queryNo = 0; queryNo < 12; queryNo++)
        {
            var seq = random.Next(2) == 0 ? first : second;
            var types = random.Next(3) == 0 ? Types.Where(_ => random.Next(2) == 0).Append(Types[0]).Distinct().ToArray() : null;
            var typeIndexes = types?.Select(t => RandomImpactGraphs.Model.GetRelationshipType(t, "types").Index).ToHashSet();
            var direction = (Direction)random.Next(3);
            var includeRetired = random.Next(3) == 0;
            var starts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(size)).ToArray();
            var depth = random.Next(1, 6);
            var scope = new ImpactScope { AsOfSeq = seq, RelationshipTypes = types, IncludeRetired = includeRetired, MaxDepth = random.Next(3, 9) };
            var where = $"seed {seed}, query {queryNo}";
            var expectedAround = EdgeByEdge.Neighbourhood(graphs[0], starts, direction, typeIndexes, depth, seq, includeRetired);
            var expectedSubgraph = EdgeByEdge.SubgraphEdges(graphs[0], expectedAround.Select(r => r.Node).ToList(), seq, typeIndexes);
            // Paths between a start and a CI its neighbourhood reached, so most queries have some.
            var from = $"ci{starts[0]}";
            var to = $"ci{expectedAround[random.Next(expectedAround.Count)].Node}";
            var expectedPaths = PathsText(analyzer, graphs[0], from, to, scope);
            var expectedCopy = EdgeByEdge.CopiedEdges(graphs[0], seq);
            reached += expectedAround.Count - starts.Distinct().Count();
            paths += expectedPaths.Count(p => p.Contains(" | ", StringComparison.Ordinal) || p.StartsWith("PathStep", StringComparison.Ordinal));
            copied += expectedCopy.Count;
            foreach (var graph in graphs)
            {
                Assert.Equal(expectedAround, GraphTraversal.Neighbourhood(graph, starts, direction, typeIndexes, depth, seq, includeRetired));
                var ids = expectedAround.Where(r => graph.StateAt(r.Node, seq) is not null).Select(r => graph.CiId(r.Node));
                Assert.Equal(expectedSubgraph, Subgraph.Of(graph, ids, seq, types).Edges.Select(e => e.ToString()).ToList());
                Assert.True(expectedPaths.SequenceEqual(PathsText(analyzer, graph, from, to, scope)), $"{where}: paths {from} -> {to} differ");
                Assert.Equal(expectedCopy, EdgeByEdge.CopiedEdges(WhatIfGraph.Apply(graph, seq, [], []), 1));
            }
        }

        // Not vacuous: the queries reached past their starts, found paths and copied relationships.
        Assert.True(reached > 0 && paths > 0 && copied > 0, $"seed {seed}: reached {reached}, paths {paths}, copied {copied}");
    }

    private static GraphIndex Build(int seed, int compaction, out int first, out int second)
    {
        var random = new Random(seed);
        var classes = RandomImpactGraphs.Model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var size = random.Next(20, 81);
        var b = new GraphBuilder(RandomImpactGraphs.Model);
        for (var i = 0; i < size; i++) b.Ci($"ci{i}", classes[random.Next(classes.Length)], status: random.Next(20) == 0 ? CiStatus.Retired : CiStatus.Active);
        var edges = new List<(string, string, string)>();
        RandomImpactGraphs.AddEdges(b, random, size, Types, edges, size * random.Next(10, 31) / 10, 30);
        b.Commit(out first);
        if (compaction == 1) b.Graph.Compact();
        RandomImpactGraphs.RemoveEdges(b, random, edges, size / 8);

        RandomImpactGraphs.AddEdges(b, random, size, Types, edges, size / 4, 30);
        for (var i = 0; i < size / 20; i++) b.Retire($"ci{random.Next(size)}");
        b.Commit(out second);
        var graph = b.Build();
        if (compaction == 2) graph.Compact();
        return graph;
    }

    private static List<string> PathsText(ImpactAnalyzer analyzer, GraphIndex graph, string from, string to, ImpactScope scope)
    {
        try
        {
            return analyzer.Paths(graph, from, to, 4, scope).Select(p => string.Join(" | ", p)).ToList();
        }
        catch (CmdbException e)
        {
            return [$"{e.Code}: {e.Message}"];
        }
    }
}
