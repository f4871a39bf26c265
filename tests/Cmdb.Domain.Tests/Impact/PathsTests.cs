using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class PathsTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    // app needs db directly, through a cache, and through a queue and a worker; a cycle db -> app must not create loops.
    private readonly Graph.GraphIndex _graph = new GraphBuilder()
        .Ci("app", Application).Ci("cache", Cache).Ci("queue", Queue).Ci("worker", Application).Ci("db", Database).Ci("lonely", Cache)
        .Rel("app", DependsOn, "db").Rel("app", DependsOn, "cache").Rel("cache", DependsOn, "db")
        .Rel("app", DependsOn, "queue").Rel("queue", DependsOn, "worker").Rel("worker", DependsOn, "db")
        .Rel("db", DependsOn, "app")
        .Build();

    private static string Show(IReadOnlyList<PathStep> path) => string.Join(">", path.Select(s => s.FromCiId).Append(path[^1].ToCiId));

    [Fact]
    public void Paths_ShortestFirst_LooplessAndComplete()
    {
        var paths = _analyzer.Paths(_graph, "app", "db", count: 5);

        Assert.Equal(["app>db", "app>cache>db", "app>queue>worker>db"], paths.Select(Show));
    }

    [Fact]
    public void Paths_CountLimitsTheAnswer_AndRepeatsDeterministically()
    {
        var first = _analyzer.Paths(_graph, "app", "db", count: 2).Select(Show).ToArray();
        var again = _analyzer.Paths(_graph, "app", "db", count: 2).Select(Show).ToArray();

        Assert.Equal(["app>db", "app>cache>db"], first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Paths_DepthLimitsPathLength()
    {
        var paths = _analyzer.Paths(_graph, "app", "db", count: 5, new ImpactScope { MaxDepth = 2 });

        Assert.Equal(["app>db", "app>cache>db"], paths.Select(Show));
    }

    [Fact]
    public void Paths_AgainstDependencyDirection_FollowsTheOtherRelationships()
    {
        // db needs app only through the cycle edge; nothing needs the lonely cache.
        Assert.Equal(["db>app"], _analyzer.Paths(_graph, "db", "app", count: 5).Select(Show));
        Assert.Empty(_analyzer.Paths(_graph, "app", "lonely", count: 5));
    }

    [Fact]
    public void Paths_ParallelRelationships_AreDistinctPaths()
    {
        var graph = new GraphBuilder().Ci("app", Application).Ci("host", LinuxServer)
            .Rel("app", RunsOn, "host").Rel("app", DependsOn, "host").Build();

        var paths = _analyzer.Paths(graph, "app", "host", count: 5);

        Assert.Equal([RunsOn, DependsOn], paths.Select(p => Assert.Single(p).RelationshipType));
    }
}
