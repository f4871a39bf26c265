using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The propagation rows' compact copy of each CI's facts (class, environment, criticality, minHealthy, retired) is
/// made when the rows are built; CI writes after that must never be answered from it. Writes that change only facts
/// leave every row clean, so the fast path still answers, and must agree with the general rows at the new commit and
/// at the one before.
/// </summary>
public class ImpactLocalFactsTests
{
    private static readonly ModelCatalog Model = RandomImpactGraphs.Model;

    private static readonly string[] Environments = RandomImpactGraphs.Environments;

    [Fact]
    public void Impact_CiRetiredAfterRowsWereBuilt_FastPathSkipsItNowAndKeepsItAsOfBefore()
    {
        var b = new GraphBuilder(Model).Ci("a", "LinuxServer").Ci("b", "LinuxServer").Ci("c", "LinuxServer")
            .Rel("a", "S2T", "b").Rel("b", "S2T", "c").Commit(out var before);
        b.Graph.Compact();
        Assert.NotNull(b.Graph.Propagation(wait: true));
        var graph = b.Retire("b").Build();
        var analyzer = new ImpactAnalyzer();
        ImpactEngine.t_propagationWalks = 0;

        var now = analyzer.Impact(graph, ["a"]);
        var then = analyzer.Impact(graph, ["a"], new ImpactScope { AsOfSeq = before });

        Assert.Equal(["a"], now.Items(0, 10).Select(i => i.CiId));
        Assert.Equal(["a", "b", "c"], then.Items(0, 10).Select(i => i.CiId));
        Assert.Equal(2, ImpactEngine.t_propagationWalks);
    }

    [Fact]
    public void Impact_RandomFactChangesAfterRowsWereBuilt_PropagationRowsAgreeWithGeneralRows()
    {
        var random = new Random(17);
        var analyzer = new ImpactAnalyzer();
        var classes = Model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var types = Model.RelationshipTypes.Select(t => t.Name).ToArray();
        ImpactEngine.t_propagationWalks = 0;
        var queries = 0;
        for (var graphNo = 0; graphNo < 80; graphNo++)
        {
            var size = random.Next(10, 201);
            var b = new GraphBuilder(Model);
            for (var i = 0; i < size; i++) RandomImpactGraphs.AddCi(b, random, classes, i);
            RandomImpactGraphs.AddEdges(b, random, size, types, [], size * random.Next(10, 41) / 10, 40);
            b.Commit(out var first);
            b.Graph.Compact();
            Assert.NotNull(b.Graph.Propagation(wait: true));
            for (var i = 0; i < size / 4; i++)
            {
                if (random.Next(3) == 0) b.Retire($"ci{random.Next(size)}");
                else RandomImpactGraphs.AddCi(b, random, classes, random.Next(size));
            }

            var graph = b.Build();
            var second = graph.Commits.Latest;
            for (var queryNo = 0; queryNo < 4; queryNo++)
            {
                var causes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"ci{random.Next(size)}").ToArray();
                var scope = new ImpactScope
                {
                    AsOfSeq = random.Next(3) == 0 ? first : second,
                    MaxDepth = random.Next(4) == 0 ? random.Next(0, 4) : random.Next(8, 51),
                    Environments = random.Next(4) == 0 ? [Environments[random.Next(Environments.Length)]] : null,
                    IncludeRetired = random.Next(4) == 0,
                };
                ImpactPropagationRowsTests.AssertWalksAgree(analyzer, graph, causes, scope, $"graph {graphNo}, query {queryNo}");
                queries++;
            }
        }

        Assert.True(ImpactEngine.t_propagationWalks > queries * 9 / 10, $"only {ImpactEngine.t_propagationWalks} of {queries} walks used the propagation rows");
    }
}
