using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class ImpactResultTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    /// <summary>A switch carries a host; on the host a replica (one of two) and an app; a shop and a payroll service on top.</summary>
    private static GraphIndex Estate() => new GraphBuilder()
        .Ci("switch", Switch, environment: "production").Ci("host", LinuxServer, environment: "production")
        .Ci("r1", Database, environment: "production").Ci("r2", Database, environment: "production")
        .Ci("rs", ReplicaSet, minHealthy: 1, environment: "production")
        .Ci("app", Application, environment: "production", criticality: 2)
        .Ci("shop", BusinessService, criticality: 1).Ci("payroll", BusinessService, criticality: 2)
        .Rel("host", ConnectsTo, "switch").Rel("r1", RunsOn, "host").Rel("app", RunsOn, "host")
        .Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs")
        .Rel("shop", DependsOn, "app").Rel("payroll", DependsOn, "rs")
        .Build();

    [Fact]
    public void Items_Pages_FollowStableOrderAndTotalsStayExact()
    {
        var result = _analyzer.Impact(Estate(), ["switch"]);

        var all = result.Items(0, 100);
        var paged = result.Items(0, 3).Concat(result.Items(3, 3)).Concat(result.Items(6, 3)).ToArray();

        Assert.Equal(7, result.TotalCount);
        Assert.Equal(all, paged);
        Assert.Equal(["switch", "host", "r1", "app", "shop", "rs", "payroll"], all.Select(i => i.CiId));
        Assert.Empty(result.Items(7, 5));
        Assert.Empty(result.Items(int.MaxValue, int.MaxValue));
    }

    [Fact]
    public void Items_SameDepth_WorstStateFirst()
    {
        var result = _analyzer.Impact(Estate(), ["switch"]);

        var depthThree = result.Items(0, 100).Where(i => i.Depth == 3).ToArray();

        Assert.Equal([("rs", ImpactState.Degraded), ("shop", ImpactState.Down)], depthThree.Select(i => (i.CiId, i.State)).OrderBy(p => p.CiId));
        Assert.Equal(["shop", "rs"], depthThree.Select(i => i.CiId));
    }

    [Theory]
    [InlineData(-1, 1, "offset")]
    [InlineData(0, -1, "count")]
    public void Items_NegativeOffsetOrCount_Validation(int offset, int count, string path)
    {
        var result = _analyzer.Impact(Estate(), ["switch"]);

        var e = Assert.Throws<CmdbException>(() => result.Items(offset, count));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal(path, e.Path);
        Assert.Contains("0 or more", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_CountsByStateClassEnvironmentCriticalityAndServices()
    {
        var summary = _analyzer.Impact(Estate(), ["switch"]).Summary;

        Assert.Equal((7, 5, 1, 1), (summary.Total, summary.Down, summary.Degraded, summary.AtRisk));
        Assert.Equal(new ClassCount(BusinessService, 2), summary.ByClass[0]);
        Assert.Equal(6, summary.ByClass.Count);
        Assert.Equal([new EnvironmentCount("production", 5), new EnvironmentCount(null, 2)], summary.ByEnvironment);
        Assert.Equal([new CriticalityCount(1, 1), new CriticalityCount(2, 2), new CriticalityCount(null, 4)], summary.ByCriticality);
        Assert.Equal(
            [new ImpactedService("shop", BusinessService, 1, ImpactState.Down, 3), new ImpactedService("payroll", BusinessService, 2, ImpactState.AtRisk, 4)],
            summary.BusinessServices);
    }

    [Fact]
    public void PathTo_ExplainsTheStateFromACause()
    {
        var result = _analyzer.Impact(Estate(), ["switch"]);

        var path = result.PathTo("payroll")!;

        Assert.Equal(["switch", "host", "r1", "rs", "payroll"], path.Select(s => s.FromCiId).Append(path[^1].ToCiId));
        Assert.Equal([ConnectsTo, RunsOn, MemberOf, DependsOn], path.Select(s => s.RelationshipType));
        Assert.Equal(("host", "switch"), (path[0].SourceCiId, path[0].TargetCiId));
        Assert.Empty(result.PathTo("switch")!);
        Assert.Null(result.PathTo("r2"));
        Assert.Null(result.PathTo("no-such-ci"));
    }
}
