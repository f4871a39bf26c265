using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class DependencyTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    private readonly Graph.GraphIndex _graph = new GraphBuilder()
        .Ci("shop", BusinessService).Ci("app", Application).Ci("db", Database).Ci("host", LinuxServer).Ci("switch", Switch)
        .Ci("other", Application).Ci("app-instance", ApplicationInstance)
        .Rel("shop", DependsOn, "app").Rel("app", DependsOn, "db").Rel("db", RunsOn, "host").Rel("host", ConnectsTo, "switch")
        .Rel("other", DependsOn, "db").Rel("app-instance", InstanceOf, "app")
        .Build();

    [Fact]
    public void Dependencies_FollowsPropagationBackwards_NearestFirst()
    {
        var result = _analyzer.Dependencies(_graph, "shop");

        Assert.Equal("shop", result.CiId);
        Assert.Equal(4, result.TotalCount);
        Assert.Equal([("app", 1), ("db", 2), ("host", 3), ("switch", 4)], result.Items(0, 10).Select(i => (i.CiId, i.Depth)));
    }

    [Fact]
    public void Dependencies_PathTo_WalksFromTheCiToWhatItNeeds()
    {
        var path = _analyzer.Dependencies(_graph, "shop").PathTo("host")!;

        Assert.Equal([("shop", "app"), ("app", "db"), ("db", "host")], path.Select(s => (s.FromCiId, s.ToCiId)));
        Assert.Null(_analyzer.Dependencies(_graph, "shop").PathTo("shop"));
        Assert.Null(_analyzer.Dependencies(_graph, "shop").PathTo("other"));
    }

    [Fact]
    public void Dependencies_DepthAndTypeFilters_Apply()
    {
        Assert.Equal(["app", "db"], _analyzer.Dependencies(_graph, "shop", new ImpactScope { MaxDepth = 2 }).Items(0, 10).Select(i => i.CiId));
        Assert.Equal(["app", "db"], _analyzer.Dependencies(_graph, "shop", new ImpactScope { RelationshipTypes = [DependsOn] }).Items(0, 10).Select(i => i.CiId));
    }

    [Fact]
    public void Dependencies_EnvironmentFilter_ReportsOnlyThatEnvironment()
    {
        var graph = new GraphBuilder()
            .Ci("web", Application, environment: "production").Ci("api", Application, environment: "staging")
            .Ci("db", Database, environment: "production")
            .Rel("web", DependsOn, "api").Rel("api", DependsOn, "db").Build();

        var result = _analyzer.Dependencies(graph, "web", new ImpactScope { Environments = ["production"] });

        Assert.Equal(1, result.TotalCount);
        Assert.Equal([("db", 2)], result.Items(0, 10).Select(i => (i.CiId, i.Depth)));
        Assert.Null(result.PathTo("api"));
        Assert.Equal(["web", "api"], result.PathTo("db")!.Select(s => s.FromCiId));
    }

    [Fact]
    public void Dependencies_ToSubgraph_HoldsTheCiAndWhatItNeeds()
    {
        var sub = _analyzer.Dependencies(_graph, "app").ToSubgraph();

        Assert.Equal(["app", "db", "host", "switch"], sub.Nodes.Select(n => n.CiId));
        Assert.Equal([0, 1, 2, 3], sub.Nodes.Select(n => n.Depth ?? -1));
        Assert.Equal(3, sub.Edges.Count);
    }

    [Fact]
    public void Dependencies_AsOfBeforeRelationshipAdded_DoesNotSeeIt()
    {
        var b = new GraphBuilder().Ci("app", Application).Ci("db", Database).Commit(out var before);
        var graph = b.Rel("app", DependsOn, "db").Build();

        Assert.Equal(0, _analyzer.Dependencies(graph, "app", new ImpactScope { AsOfSeq = before }).TotalCount);
        Assert.Equal(1, _analyzer.Dependencies(graph, "app").TotalCount);
    }

    [Fact]
    public void Dependencies_MemberOfGroup_GroupNeedsItsMembers()
    {
        var graph = new GraphBuilder().Ci("m", VirtualMachine).Ci("c", Cluster, minHealthy: 1).Rel("m", MemberOf, "c").Build();

        Assert.Equal(["m"], _analyzer.Dependencies(graph, "c").Items(0, 10).Select(i => i.CiId));
        Assert.Equal(0, _analyzer.Dependencies(graph, "m").TotalCount);
    }
}
