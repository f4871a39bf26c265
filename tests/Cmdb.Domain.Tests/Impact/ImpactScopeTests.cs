using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class ImpactScopeTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    private static GraphIndex Chain(int length)
    {
        var b = new GraphBuilder().Ci("n0", Database);
        for (var i = 1; i <= length; i++) b.Ci($"n{i}", Application).Rel($"n{i}", DependsOn, $"n{i - 1}");
        return b.Build();
    }

    [Fact]
    public void Impact_DefaultDepth_StopsAfterTenHops()
    {
        var result = _analyzer.Impact(Chain(15), ["n0"]);

        Assert.Equal(11, result.TotalCount);
        Assert.Equal(10, result.Find("n10")?.Depth);
        Assert.Null(result.Find("n11"));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    [InlineData(50, 16)]
    public void Impact_MaxDepth_LimitsHops(int depth, int expected)
    {
        Assert.Equal(expected, _analyzer.Impact(Chain(15), ["n0"], new ImpactScope { MaxDepth = depth }).TotalCount);
    }

    [Fact]
    public void Impact_RelationshipTypeFilter_FollowsOnlyNamedTypes()
    {
        var graph = new GraphBuilder()
            .Ci("host", LinuxServer).Ci("db", Database).Ci("app", Application)
            .Rel("db", RunsOn, "host").Rel("app", DependsOn, "db").Build();

        var result = _analyzer.Impact(graph, ["host"], new ImpactScope { RelationshipTypes = [RunsOn] });

        Assert.Equal(["host", "db"], result.Items(0, 10).Select(i => i.CiId));
    }

    [Fact]
    public void Impact_EnvironmentFilter_ReportsOnlyThatEnvironmentButTravelsThroughOthers()
    {
        var graph = new GraphBuilder()
            .Ci("db", Database, environment: "shared").Ci("api", Application, environment: "staging")
            .Ci("web", Application, environment: "production")
            .Rel("api", DependsOn, "db").Rel("web", DependsOn, "api").Build();

        var result = _analyzer.Impact(graph, ["db"], new ImpactScope { Environments = ["production"] });

        Assert.Equal(["web"], result.Items(0, 10).Select(i => i.CiId));
        Assert.Equal(1, result.Summary.Total);
        Assert.Equal(2, result.Find("web")!.Depth);
        Assert.Null(result.Find("api"));
        Assert.Equal(["db", "api", "web"], result.PathTo("web")!.Select(s => s.FromCiId).Append("web"));
    }

    [Fact]
    public void Impact_EnvironmentNoCiIsIn_ReportsNothing()
    {
        var result = _analyzer.Impact(Chain(2), ["n0"], new ImpactScope { Environments = ["nowhere"] });

        Assert.Equal(0, result.TotalCount);
        Assert.Empty(result.Items(0, 10));
    }

    [Fact]
    public void Impact_RetiredCi_SkippedByDefaultAndIncludedOnRequest()
    {
        var graph = new GraphBuilder()
            .Ci("db", Database).Ci("old", Application, status: CiStatus.Retired).Ci("report", Application)
            .Rel("old", DependsOn, "db").Rel("report", DependsOn, "old").Build();

        Assert.Equal(["db"], _analyzer.Impact(graph, ["db"]).Items(0, 10).Select(i => i.CiId));
        Assert.Equal(["db", "old", "report"], _analyzer.Impact(graph, ["db"], new ImpactScope { IncludeRetired = true }).Items(0, 10).Select(i => i.CiId));
    }

    [Fact]
    public void Impact_AsOfBeforeRelationshipRemoved_StillPropagates()
    {
        var b = new GraphBuilder().Ci("db", Database).Ci("app", Application).Rel("app", DependsOn, "db").Commit(out var before);
        var graph = b.RemoveRel("app", DependsOn, "db").Build();

        Assert.NotNull(_analyzer.Impact(graph, ["db"], new ImpactScope { AsOfSeq = before }).Find("app"));
        Assert.Null(_analyzer.Impact(graph, ["db"]).Find("app"));
        Assert.Equal(before, _analyzer.Impact(graph, ["db"], new ImpactScope { AsOfSeq = before }).Seq);
    }

    [Fact]
    public void Impact_AsOfBeforeRetirement_ReachesTheCi()
    {
        var b = new GraphBuilder().Ci("db", Database).Ci("app", Application).Rel("app", DependsOn, "db").Commit(out var before);
        var graph = b.Retire("app").Build();

        Assert.NotNull(_analyzer.Impact(graph, ["db"], new ImpactScope { AsOfSeq = before }).Find("app"));
        Assert.Null(_analyzer.Impact(graph, ["db"]).Find("app"));
    }

    [Fact]
    public void Impact_AsOfBeforeRedundantMemberAdded_CountsOnlyEarlierMembers()
    {
        var b = new GraphBuilder()
            .Ci("r1", Database).Ci("r2", Database).Ci("rs", ReplicaSet, minHealthy: 1)
            .Rel("r1", MemberOf, "rs").Commit(out var before);
        var graph = b.Rel("r2", MemberOf, "rs").Build();

        Assert.Equal(ImpactState.Down, _analyzer.Impact(graph, ["r1"], new ImpactScope { AsOfSeq = before }).Find("rs")?.State);
        Assert.Equal(ImpactState.Degraded, _analyzer.Impact(graph, ["r1"]).Find("rs")?.State);
    }
}
