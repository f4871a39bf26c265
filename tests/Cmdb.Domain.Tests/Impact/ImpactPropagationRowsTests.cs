using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The propagation rows (the impact fast path) against the general rows: on random graphs with redundancy, cycles,
/// self-loops, retired CIs, later writes in the overlay, and every filter, both walks must give the same items,
/// states, depths, paths (relationship by relationship) and summary.
/// </summary>
public class ImpactPropagationRowsTests
{
    private static readonly ModelCatalog Model = RandomImpactGraphs.Model;

    private static readonly string[] Environments = RandomImpactGraphs.Environments;

    /// <summary>
    /// <paramref name="later"/>: 0 no write after the compaction (the fast path answers), 1 a second commit in the
    /// overlay (removals, additions, retirements: walks that meet a touched CI fall back), 2 the second commit
    /// compacted too (closed relationships left out; reads of the first commit fall back).
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Impact_RandomGraphs_PropagationRowsAgreeWithGeneralRows(int later)
    {
        var random = new Random(3 + later);
        var analyzer = new ImpactAnalyzer();
        var classes = Model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var types = Model.RelationshipTypes.Select(t => t.Name).ToArray();
        ImpactEngine.t_propagationWalks = 0;
        var queries = 0;
        for (var graphNo = 0; graphNo < 120; graphNo++)
        {
            var size = random.Next(10, 301);
            var b = new GraphBuilder(Model);
            for (var i = 0; i < size; i++) RandomImpactGraphs.AddCi(b, random, classes, i);

            var edges = new List<(string, string, string)>();
            RandomImpactGraphs.AddEdges(b, random, size, types, edges, size * random.Next(10, 41) / 10, 40);
            b.Commit(out var first);
            b.Graph.Compact();
            var second = first;
            if (later > 0)
            {
                RandomImpactGraphs.RemoveEdges(b, random, edges, size / 15);

                RandomImpactGraphs.AddEdges(b, random, size, types, edges, size / 10, 40);
                for (var i = 0; i < size / 20; i++) b.Retire($"ci{random.Next(size)}");
                b.Commit(out second);
                if (later == 2) b.Graph.Compact();
            }

            var graph = b.Build();
            for (var queryNo = 0; queryNo < 4; queryNo++)
            {
                var causes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"ci{random.Next(size)}").ToArray();
                var scope = new ImpactScope
                {
                    AsOfSeq = random.Next(5) == 0 ? first : second,
                    MaxDepth = random.Next(4) == 0 ? random.Next(0, 4) : random.Next(8, 51),
                    RelationshipTypes = random.Next(4) == 0 ? types.Where(_ => random.Next(2) == 0).Append(types[0]).ToArray() : null,
                    Environments = random.Next(4) == 0 ? [Environments[random.Next(Environments.Length)]] : null,
                    IncludeRetired = random.Next(4) == 0,
                };
                AssertWalksAgree(analyzer, graph, causes, scope, $"graph {graphNo}, query {queryNo}");
                queries++;
            }
        }

        Assert.True(ImpactEngine.t_propagationWalks > queries / (later == 1 ? 10 : 2), $"only {ImpactEngine.t_propagationWalks} of {queries} walks used the propagation rows");
    }

    [Fact]
    public void Impact_AfterCompaction_PropagationRowsLeaveOutNonPropagatingTypesAndKeepPublicNumbers()
    {
        var graph = new GraphBuilder(Model)
            .Ci("a", "LinuxServer").Ci("b", "LinuxServer").Ci("c", "LinuxServer")
            .Rel("a", "S2T", "b").Rel("c", "NONE_R", "b").Rel("c", "T2S", "b")
            .Build();
        graph.Compact();
        var rows = graph.Propagation(wait: true)!;
        Assert.Equal(2, rows.Entry.Length); // a -> b, b -> c; NONE_R left out
        for (var n = 0; n < rows.NodeCount; n++) Assert.Equal(n, rows.ToLocal[rows.ToPublic[n]]);
        var result = new ImpactAnalyzer().Impact(graph, ["a"]);
        Assert.Equal(["a", "b", "c"], result.Items(0, 10).Select(i => i.CiId));
        Assert.Equal(["S2T", "T2S"], result.PathTo("c")!.Select(s => s.RelationshipType));
    }

    /// <summary>The same query answered by the propagation rows (where they can) and by the general rows only.</summary>
    internal static void AssertWalksAgree(ImpactAnalyzer analyzer, GraphIndex graph, string[] causes, ImpactScope scope, string label)
    {
        var fast = Describe(analyzer.Impact(graph, causes, scope));
        ImpactEngine.t_generalRowsOnly = true;
        string general;
        try
        {
            general = Describe(analyzer.Impact(graph, causes, scope));
        }
        finally
        {
            ImpactEngine.t_generalRowsOnly = false;
        }

        Assert.True(general == fast, $"{label}:\ngeneral:\n{general}\n---\npropagation rows:\n{fast}");
    }

    internal static string Describe(ImpactResult result)
    {
        var lines = result.Items(0, result.TotalCount).Select(item =>
            $"{item.CiId} {item.State} {item.Depth} {item.IsCause} {item.Environment} {item.Criticality} " +
            string.Join(',', result.PathTo(item.CiId)!.Select(p => p.RelationshipKey))).ToList();
        var s = result.Summary;
        lines.Add($"total {s.Total} down {s.Down} degraded {s.Degraded} at risk {s.AtRisk}");
        lines.Add(string.Join(',', s.ByClass.Select(c => $"{c.ClassName}={c.Count}")));
        lines.Add(string.Join(',', s.ByEnvironment.Select(e => $"{e.Environment}={e.Count}")));
        lines.Add(string.Join(',', s.ByCriticality.Select(c => $"{c.Criticality}={c.Count}")));
        lines.Add(string.Join(',', s.BusinessServices.Select(x => $"{x.CiId}:{x.State}:{x.Depth}:{x.Criticality}")));
        return string.Join('\n', lines);
    }
}
