using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class ImpactRedundancyTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    /// <summary>Three replicas MEMBER_OF a replica set that needs two; an app depends on the set.</summary>
    private static GraphIndex Replicas(int? minHealthy = 2) => new GraphBuilder()
        .Ci("r1", Database).Ci("r2", Database).Ci("r3", Database).Ci("rs", ReplicaSet, minHealthy).Ci("app", Application)
        .Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs").Rel("r3", MemberOf, "rs").Rel("app", DependsOn, "rs")
        .Build();

    [Fact]
    public void Impact_OneOfThreeReplicasLost_GroupDegradedAndDependentAtRisk()
    {
        var result = _analyzer.Impact(Replicas(), ["r1"]);

        Assert.Equal(ImpactState.Degraded, result.Find("rs")?.State);
        Assert.Equal(ImpactState.AtRisk, result.Find("app")?.State);
        Assert.Null(result.Find("r2"));
    }

    [Fact]
    public void Impact_TwoOfThreeReplicasLostTogether_GroupAndDependentDown()
    {
        var result = _analyzer.Impact(Replicas(), ["r1", "r2"]);

        Assert.Equal(ImpactState.Down, result.Find("rs")?.State);
        Assert.Equal(ImpactState.Down, result.Find("app")?.State);
        var why = Assert.Single(result.PathTo("rs")!);
        Assert.Contains(why.FromCiId, new[] { "r1", "r2" });
    }

    [Fact]
    public void Impact_AllReplicasLostWithMinHealthyOne_GroupDown()
    {
        var result = _analyzer.Impact(Replicas(minHealthy: 1), ["r1", "r2", "r3"]);

        Assert.Equal(ImpactState.Down, result.Find("rs")?.State);
    }

    [Fact]
    public void Impact_RedundantEdgesIntoCiWithoutMinHealthy_BehaveAsOrdinaryEdges()
    {
        var result = _analyzer.Impact(Replicas(minHealthy: null), ["r3"]);

        Assert.Equal(ImpactState.Down, result.Find("rs")?.State);
        Assert.Equal(ImpactState.Down, result.Find("app")?.State);
    }

    [Fact]
    public void Impact_LoadBalancerLosesOneOfTwoTargets_Degraded_BothLost_Down()
    {
        var graph = new GraphBuilder()
            .Ci("lb", LoadBalancer, minHealthy: 1).Ci("web1", VirtualMachine).Ci("web2", VirtualMachine).Ci("shop", BusinessService)
            .Rel("lb", RoutesTo, "web1").Rel("lb", RoutesTo, "web2").Rel("shop", DependsOn, "lb")
            .Build();

        Assert.Equal(ImpactState.Degraded, _analyzer.Impact(graph, ["web1"]).Find("lb")?.State);
        Assert.Equal(ImpactState.Down, _analyzer.Impact(graph, ["web1", "web2"]).Find("shop")?.State);
    }

    [Fact]
    public void Impact_DegradedMember_MakesGroupDegradedNotDown()
    {
        // The inner pool loses one of two members (degraded); the outer pool needs both of its members.
        var graph = new GraphBuilder()
            .Ci("m1", VirtualMachine).Ci("m2", VirtualMachine).Ci("inner", Cluster, minHealthy: 1).Ci("other", VirtualMachine)
            .Ci("outer", Cluster, minHealthy: 2)
            .Rel("m1", MemberOf, "inner").Rel("m2", MemberOf, "inner").Rel("inner", MemberOf, "outer").Rel("other", MemberOf, "outer")
            .Build();

        var result = _analyzer.Impact(graph, ["m1"]);

        Assert.Equal(ImpactState.Degraded, result.Find("inner")?.State);
        Assert.Equal(ImpactState.Degraded, result.Find("outer")?.State);
    }

    [Fact]
    public void Impact_AtRiskMember_MakesGroupAtRisk()
    {
        var graph = new GraphBuilder()
            .Ci("m1", VirtualMachine).Ci("m2", VirtualMachine).Ci("inner", Cluster, minHealthy: 1).Ci("app", Application)
            .Ci("app2", Application).Ci("outer", Cluster, minHealthy: 1)
            .Rel("m1", MemberOf, "inner").Rel("m2", MemberOf, "inner").Rel("app", DependsOn, "inner")
            .Rel("app", MemberOf, "outer").Rel("app2", MemberOf, "outer")
            .Build();

        var result = _analyzer.Impact(graph, ["m1"]);

        Assert.Equal(ImpactState.AtRisk, result.Find("app")?.State);
        Assert.Equal(ImpactState.AtRisk, result.Find("outer")?.State);
    }

    [Fact]
    public void Impact_RetiredAlternative_DoesNotCountAsHealthy()
    {
        var graph = new GraphBuilder()
            .Ci("r1", Database).Ci("r2", Database).Ci("r3", Database, status: Items.CiStatus.Retired).Ci("rs", ReplicaSet, minHealthy: 2)
            .Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs").Rel("r3", MemberOf, "rs")
            .Build();

        Assert.Equal(ImpactState.Down, _analyzer.Impact(graph, ["r1"]).Find("rs")?.State);
        Assert.Equal(ImpactState.Degraded, _analyzer.Impact(graph, ["r1"], new ImpactScope { IncludeRetired = true }).Find("rs")?.State);
    }

    [Fact]
    public void Impact_CycleThroughRedundantGroup_DoesNotTalkItselfDown()
    {
        // m2 depends on its own pool: losing m1 degrades the pool, which puts m2 at risk, which must not take the pool down.
        var graph = new GraphBuilder()
            .Ci("m1", VirtualMachine).Ci("m2", VirtualMachine).Ci("pool", Cluster, minHealthy: 1)
            .Rel("m1", MemberOf, "pool").Rel("m2", MemberOf, "pool").Rel("m2", DependsOn, "pool")
            .Build();

        var result = _analyzer.Impact(graph, ["m1"]);

        Assert.Equal(ImpactState.Degraded, result.Find("pool")?.State);
        Assert.Equal(ImpactState.AtRisk, result.Find("m2")?.State);
        Assert.Equal(3, result.TotalCount);
    }
}
