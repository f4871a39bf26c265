using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class SinglePointsOfFailureTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    /// <summary>shop -> lb -> (web1 | web2) -> db -> host; lb needs <paramref name="minHealthy"/> web servers.</summary>
    private static Graph.GraphIndex Shop(int minHealthy) => new GraphBuilder()
        .Ci("shop", BusinessService).Ci("lb", LoadBalancer, minHealthy: minHealthy).Ci("web1", VirtualMachine).Ci("web2", VirtualMachine)
        .Ci("db", Database).Ci("host", LinuxServer)
        .Rel("shop", DependsOn, "lb").Rel("lb", RoutesTo, "web1").Rel("lb", RoutesTo, "web2")
        .Rel("web1", DependsOn, "db").Rel("web2", DependsOn, "db").Rel("db", RunsOn, "host")
        .Build();

    [Fact]
    public void SinglePointsOfFailure_WithRedundancy_MembersAreNotSinglePoints()
    {
        var result = _analyzer.SinglePointsOfFailure(Shop(minHealthy: 1), "shop");

        Assert.Equal(5, result.CandidatesExamined);
        Assert.Equal([("host", 5), ("db", 4), ("lb", 1)], result.Items.Select(s => (s.CiId, s.DownCount)));
        Assert.Equal(4, result.Items[0].Depth);
    }

    [Fact]
    public void SinglePointsOfFailure_WhenEveryMemberIsNeeded_EachMemberIsASinglePoint()
    {
        var result = _analyzer.SinglePointsOfFailure(Shop(minHealthy: 2), "shop");

        Assert.Equal(["host", "db", "web1", "web2", "lb"], result.Items.Select(s => s.CiId));
        Assert.Equal(2, result.Items.Single(s => s.CiId == "web1").DownCount); // lb and shop
    }

    [Fact]
    public void SinglePointsOfFailure_WithoutRedundancy_EverythingNeededIsASinglePoint()
    {
        var graph = new GraphBuilder().Ci("svc", BusinessService).Ci("a", Application).Ci("b", Database)
            .Rel("svc", DependsOn, "a").Rel("a", DependsOn, "b").Build();

        Assert.Equal([("b", 2), ("a", 1)], _analyzer.SinglePointsOfFailure(graph, "svc").Items.Select(s => (s.CiId, s.DownCount)));
    }

    [Fact]
    public void SinglePointsOfFailure_TypeFilter_IgnoresOtherRelationships()
    {
        var result = _analyzer.SinglePointsOfFailure(Shop(minHealthy: 1), "shop", new ImpactScope { RelationshipTypes = [DependsOn, RoutesTo] });

        Assert.Equal([("db", 4), ("lb", 1)], result.Items.Select(s => (s.CiId, s.DownCount)));
    }

    [Fact]
    public void SinglePointsOfFailure_ServiceNeedingNothing_None()
    {
        var graph = new GraphBuilder().Ci("svc", BusinessService).Build();

        var result = _analyzer.SinglePointsOfFailure(graph, "svc");

        Assert.Empty(result.Items);
        Assert.Equal(0, result.CandidatesExamined);
    }
}
