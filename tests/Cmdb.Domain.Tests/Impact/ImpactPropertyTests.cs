using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

public class ImpactPropertyTests
{
    private static readonly ModelCatalog Model = RandomImpactGraphs.Model;

    /// <summary>
    /// <paramref name="compaction"/>: 0 never compacts (every row in the overlay), 1 compacts after the first commit
    /// (the second commit's removals and additions land in the overlay over compact rows, so as-of reads straddle
    /// both), 2 compacts after both commits.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Impact_RandomGraphs_AgreesWithNaiveReferenceOnEveryStateAndDepth(int compaction)
    {
        var random = new Random(20261130);
        var analyzer = new ImpactAnalyzer();
        var classes = Model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var types = Model.RelationshipTypes.Select(t => t.Name).ToArray();
        for (var graphNo = 0; graphNo < 200; graphNo++)
        {
            var size = random.Next(20, 201);
            var b = new GraphBuilder(Model);
            for (var i = 0; i < size; i++)
            {
                b.Ci($"ci{i}", classes[random.Next(classes.Length)],
                    minHealthy: random.Next(3) == 0 ? random.Next(1, 4) : null,
                    status: random.Next(25) == 0 ? CiStatus.Retired : CiStatus.Active);
            }

            var edges = new List<(string, string, string)>();
            RandomImpactGraphs.AddEdges(b, random, size, types, edges, size * random.Next(10, 31) / 10, 50);
            b.Commit(out var first);
            if (compaction == 1) b.Graph.Compact();
            RandomImpactGraphs.RemoveEdges(b, random, edges, size / 10);

            RandomImpactGraphs.AddEdges(b, random, size, types, edges, size / 5, 50);
            for (var i = 0; i < size / 20; i++) b.Retire($"ci{random.Next(size)}");
            b.Commit(out var second);
            var graph = b.Build();
            if (compaction == 2) graph.Compact();

            for (var queryNo = 0; queryNo < 3; queryNo++)
            {
                var causes = Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"ci{random.Next(size)}").ToArray();
                var scope = new ImpactScope
                {
                    AsOfSeq = random.Next(2) == 0 ? first : second,
                    MaxDepth = random.Next(4) == 0 ? random.Next(0, 4) : random.Next(8, 51),
                    RelationshipTypes = random.Next(4) == 0 ? types.Where(_ => random.Next(2) == 0).Append(types[0]).ToArray() : null,
                    IncludeRetired = random.Next(4) == 0,
                };
                var result = analyzer.Impact(graph, causes, scope);
                var expected = NaiveImpact.Compute(
                    graph, causes, scope.MaxDepth.Value, scope.AsOfSeq.Value, scope.IncludeRetired, scope.RelationshipTypes?.ToHashSet());
                var where = $"graph {graphNo}, query {queryNo}";
                Assert.True(expected.Count == result.TotalCount, $"{where}: expected {expected.Count} CIs, got {result.TotalCount}");
                foreach (var (id, (state, depth)) in expected)
                {
                    var item = result.Find(id);
                    Assert.True(item is not null, $"{where}: {id} missing");
                    Assert.True(item.State != ImpactState.None, $"{where}: {id} reached but not affected");
                    Assert.True(item.State == state && item.Depth == depth,
                        $"{where}: {id} expected {state}@{depth}, got {item.State}@{item.Depth}");
                    AssertExplains(graph, result, item, where);
                }
            }
        }
    }

    /// <summary>A path starts at a cause, chains, never repeats a CI, moves with propagation, and never gets better than the CI.</summary>
    private static void AssertExplains(GraphIndex graph, ImpactResult result, ImpactItem item, string where)
    {
        var path = result.PathTo(item.CiId)!;
        if (item.IsCause)
        {
            Assert.Empty(path);
            return;
        }

        Assert.True(path.Count > 0, $"{where}: no path to {item.CiId}");
        Assert.True(result.Find(path[0].FromCiId)!.IsCause, $"{where}: path to {item.CiId} does not start at a cause");
        Assert.Equal(item.CiId, path[^1].ToCiId);
        var visited = new HashSet<string> { path[0].FromCiId };
        for (var i = 0; i < path.Count; i++)
        {
            var step = path[i];
            if (i > 0) Assert.Equal(path[i - 1].ToCiId, step.FromCiId);
            Assert.True(visited.Add(step.ToCiId), $"{where}: path to {item.CiId} repeats {step.ToCiId}");
            var propagation = graph.Model.GetRelationshipType(step.RelationshipType).Propagation;
            var forward = step.FromCiId == step.SourceCiId && step.ToCiId == step.TargetCiId;
            Assert.True(forward ? propagation is Propagation.SourceToTarget or Propagation.Both : propagation is Propagation.TargetToSource or Propagation.Both,
                $"{where}: step {step} moves against {propagation}");
            Assert.True(result.Find(step.ToCiId)!.State <= result.Find(step.FromCiId)!.State, $"{where}: step {step} gets worse than its source");
        }
    }
}
