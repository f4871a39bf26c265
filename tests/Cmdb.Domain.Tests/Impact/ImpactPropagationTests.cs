using Cmdb.Domain.Impact;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class ImpactPropagationTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    [Fact]
    public void Impact_TargetToSourceType_TroubleInTargetReachesSourceOnly()
    {
        var graph = new GraphBuilder().Ci("app", Application).Ci("db", Database).Rel("app", DependsOn, "db").Build();

        var fromDb = _analyzer.Impact(graph, ["db"]);
        var fromApp = _analyzer.Impact(graph, ["app"]);

        Assert.Equal(new ImpactItem("app", Application, null, null, ImpactState.Down, 1, false), fromDb.Find("app"));
        Assert.Equal(1, fromApp.TotalCount);
        Assert.Null(fromApp.Find("db"));
    }

    [Fact]
    public void Impact_SourceToTargetType_TroubleInMemberReachesGroupOnly()
    {
        var graph = new GraphBuilder().Ci("vm", VirtualMachine).Ci("cluster", Cluster).Rel("vm", MemberOf, "cluster").Build();

        Assert.Equal(ImpactState.Down, _analyzer.Impact(graph, ["vm"]).Find("cluster")?.State);
        Assert.Null(_analyzer.Impact(graph, ["cluster"]).Find("vm"));
    }

    [Fact]
    public void Impact_BothType_TroubleCrossesEitherWay()
    {
        var model = TestModels.SeedWith(TestModels.Type("PEERS_WITH", Propagation.Both));
        var graph = new GraphBuilder(model).Ci("a", Application).Ci("b", Application).Rel("a", "PEERS_WITH", "b").Build();

        Assert.Equal(ImpactState.Down, _analyzer.Impact(graph, ["a"]).Find("b")?.State);
        Assert.Equal(ImpactState.Down, _analyzer.Impact(graph, ["b"]).Find("a")?.State);
    }

    [Fact]
    public void Impact_NoneType_NeverPropagates()
    {
        var graph = new GraphBuilder()
            .Ci("app", Application).Ci("instance", ApplicationInstance).Rel("instance", InstanceOf, "app").Build();

        Assert.Equal(1, _analyzer.Impact(graph, ["app"]).TotalCount);
        Assert.Equal(1, _analyzer.Impact(graph, ["instance"]).TotalCount);
    }

    [Fact]
    public void Impact_ChainAndShortcut_DepthIsShortestDistance()
    {
        var graph = new GraphBuilder()
            .Ci("switch", Switch).Ci("host", LinuxServer).Ci("db", Database).Ci("app", Application)
            .Rel("host", ConnectsTo, "switch").Rel("db", RunsOn, "host").Rel("app", DependsOn, "db").Rel("app", RunsOn, "host")
            .Build();

        var result = _analyzer.Impact(graph, ["switch"]);

        Assert.Equal([("switch", 0), ("host", 1), ("db", 2), ("app", 2)], result.Items(0, 10).Select(i => (i.CiId, i.Depth)));
        Assert.All(result.Items(0, 10), i => Assert.Equal(ImpactState.Down, i.State));
    }

    [Fact]
    public void Impact_Cycle_TerminatesAndReportsEachCiOnce()
    {
        var graph = new GraphBuilder()
            .Ci("a", Application).Ci("b", Application).Ci("c", Application).Ci("d", Application)
            .Rel("a", DependsOn, "b").Rel("b", DependsOn, "c").Rel("c", DependsOn, "a").Rel("d", DependsOn, "c")
            .Build();

        var result = _analyzer.Impact(graph, ["a"]);

        Assert.Equal(4, result.TotalCount);
        Assert.Equal(["a", "c", "b", "d"], result.Items(0, 10).Select(i => i.CiId));
        Assert.Equal([1, 2, 2], result.Items(1, 10).Select(i => i.Depth));
    }

    [Fact]
    public void Impact_SelfLoop_IsIgnored()
    {
        var model = TestModels.SeedWith(TestModels.Type("SELF", Propagation.Both));
        var graph = new GraphBuilder(model).Ci("a", Application).Ci("b", Application).Rel("a", "SELF", "a").Rel("b", "SELF", "a").Build();

        var result = _analyzer.Impact(graph, ["a"]);

        Assert.Equal(["a", "b"], result.Items(0, 10).Select(i => i.CiId));
    }

    [Fact]
    public void Impact_SeveralCauses_AreComputedTogetherAtDepthZero()
    {
        var graph = new GraphBuilder()
            .Ci("db1", Database).Ci("db2", Database).Ci("app", Application)
            .Rel("app", DependsOn, "db1").Rel("app", DependsOn, "db2").Build();

        var result = _analyzer.Impact(graph, ["db1", "db2", "db1"]);

        Assert.Equal(3, result.TotalCount);
        Assert.True(result.Find("db1")!.IsCause);
        Assert.True(result.Find("db2")!.IsCause);
        Assert.Equal(1, result.Find("app")!.Depth);
    }
}
