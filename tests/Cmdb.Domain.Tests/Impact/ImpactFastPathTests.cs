using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The session-6 shortcuts of the walk over the propagation rows, each on a compacted graph where it answers: the
/// branch-free loop must still send a redundant entry from a down CI into a group to the k-of-n count (the "everything
/// is down" shortcut must not be taken), failure counts must start from zero without being cleared per slot, depths come
/// from the walk's levels, and the summary's service count (counted, not listed) must equal the list made on first read.
/// </summary>
public class ImpactFastPathTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    /// <summary>The worked example of docs/impact.md: r1 and r2 are the members of rs (minHealthy 1), payroll depends on rs.</summary>
    private static GraphIndex Example()
    {
        var graph = new GraphBuilder()
            .Ci("switch", Switch).Ci("host", LinuxServer).Ci("app", Application).Ci("shop", BusinessService, criticality: 1)
            .Ci("r1", Database).Ci("r2", Database).Ci("rs", ReplicaSet, minHealthy: 1).Ci("payroll", BusinessService, criticality: 2)
            .Rel("host", ConnectsTo, "switch").Rel("r1", RunsOn, "host").Rel("app", RunsOn, "host").Rel("shop", DependsOn, "app")
            .Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs").Rel("payroll", DependsOn, "rs")
            .Build();
        graph.Compact();
        return graph;
    }

    [Fact]
    public void Impact_GroupBelowADownCiInAnOtherwiseDownClosure_IsDegradedOnTheFastPath()
    {
        var graph = Example();
        ImpactEngine.t_propagationWalks = 0;

        var result = _analyzer.Impact(graph, ["switch"]);

        Assert.Equal(1, ImpactEngine.t_propagationWalks);
        Assert.Equal(
            ["switch:Down:0", "host:Down:1", "app:Down:2", "r1:Down:2", "shop:Down:3", "rs:Degraded:3", "payroll:AtRisk:4"],
            result.Items(0, 10).Select(i => $"{i.CiId}:{i.State}:{i.Depth}"));
        var summary = result.Summary;
        Assert.Equal((7, 5, 1, 1), (summary.Total, summary.Down, summary.Degraded, summary.AtRisk));
        Assert.Equal(2, summary.BusinessServices.Count);
        Assert.Equal(["shop:Down:1", "payroll:AtRisk:2"], summary.BusinessServices.Select(s => $"{s.CiId}:{s.State}:{s.Criticality}"));
        Assert.Equal(["switch", "host", "r1", "rs", "payroll"], PathNodes(result, "payroll"));
    }

    [Fact]
    public void Impact_BothMembersLostTogetherOnTheFastPath_GroupAndDependentDown()
    {
        var result = _analyzer.Impact(Example(), ["r1", "r2"]);

        Assert.Equal(ImpactState.Down, result.Find("rs")?.State);
        Assert.Equal(ImpactState.Down, result.Find("payroll")?.State);
        Assert.Equal((4, 4), (result.Summary.Total, result.Summary.Down));
    }

    [Fact]
    public void Impact_AfterWalksThatFailedGroupMembers_NextWalkCountsFailuresFromZero()
    {
        var graph = Example();
        for (var round = 0; round < 3; round++)
        {
            // Leaves failure counts in the thread's scratch at the slots rs took; the next walk must not read them.
            Assert.Equal(ImpactState.Down, _analyzer.Impact(graph, ["r2", "r1"]).Find("rs")?.State);
            Assert.Equal(ImpactState.Degraded, _analyzer.Impact(graph, ["switch"]).Find("rs")?.State);
            Assert.Equal(ImpactState.Degraded, _analyzer.Impact(graph, ["r2"]).Find("rs")?.State);
            ImpactPropagationRowsTests.AssertWalksAgree(_analyzer, graph, ["switch"], new ImpactScope(), $"round {round}");
        }
    }

    [Fact]
    public void Impact_ChainDeeperThanTheScratchsFirstLevels_DepthsFromTheWalksLevels()
    {
        var b = new GraphBuilder();
        for (var i = 0; i < 60; i++) b.Ci($"c{i}", Application);
        for (var i = 1; i < 60; i++) b.Rel($"c{i}", DependsOn, $"c{i - 1}");
        var graph = b.Build();
        graph.Compact();

        var result = _analyzer.Impact(graph, ["c0"], new ImpactScope { MaxDepth = 45 });

        Assert.Equal(46, result.TotalCount);
        Assert.Equal(Enumerable.Range(0, 46), result.Items(0, 100).Select(i => i.Depth));
        Assert.All(result.Items(0, 100), i => Assert.Equal($"c{i.Depth}", i.CiId));
    }

    [Fact]
    public void Summary_RandomGraphsOnTheFastPath_ServiceCountEqualsTheListAndTheItems()
    {
        var model = RandomImpactGraphs.Model;
        var random = new Random(61);
        var classes = model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var types = model.RelationshipTypes.Select(t => t.Name).ToArray();
        var service = model.GetClass(BusinessService).Index;
        for (var graphNo = 0; graphNo < 40; graphNo++)
        {
            var size = random.Next(20, 200);
            var b = new GraphBuilder(model);
            for (var i = 0; i < size; i++)
            {
                b.Ci($"ci{i}", random.Next(3) == 0 ? BusinessService : classes[random.Next(classes.Length)], random.Next(3) == 0 ? random.Next(1, 4) : null,
                    environment: RandomImpactGraphs.Environments[random.Next(RandomImpactGraphs.Environments.Length)], criticality: random.Next(1, 200));
            }

            RandomImpactGraphs.AddEdges(b, random, size, types, [], size * 3, 40);
            var graph = b.Build();
            graph.Compact();
            var scope = new ImpactScope { Environments = random.Next(2) == 0 ? [RandomImpactGraphs.Environments[random.Next(3)]] : null, MaxDepth = 50 };
            var result = _analyzer.Impact(graph, [$"ci{random.Next(size)}"], scope);
            var services = result.Summary.BusinessServices;
            var expected = result.Items(0, int.MaxValue).Count(i => model.IsA(model.GetClass(i.ClassName).Index, service));

            Assert.Equal(expected, services.Count);
            Assert.Equal(expected, services.ToList().Count);
            ImpactPropagationRowsTests.AssertWalksAgree(_analyzer, graph, [$"ci{random.Next(size)}"], scope, $"graph {graphNo}");
        }
    }

    private static IEnumerable<string> PathNodes(ImpactResult result, string ciId)
    {
        var path = result.PathTo(ciId)!;
        return path.Select(p => p.FromCiId).Append(path[^1].ToCiId);
    }
}
