using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// A group's first failure on the propagation rows takes its alternatives from the compact facts when the rows hold
/// the count (every alternative took part when they were built, and no CI's facts changed since); otherwise it counts
/// them. Both must give the redundancy answers of the general rows.
/// </summary>
public class ImpactAlternativesInFactsTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    /// <summary>
    /// Three replicas, each on its own host, MEMBER_OF a replica set that needs two; an app depends on the set.
    /// Compacted and the propagation rows built, so impact walks them, and the set's facts there say "3 alternatives".
    /// </summary>
    private static GraphBuilder Replicas()
    {
        var b = new GraphBuilder()
            .Ci("h1", LinuxServer).Ci("h2", LinuxServer).Ci("h3", LinuxServer)
            .Ci("r1", Database).Ci("r2", Database).Ci("r3", Database).Ci("rs", ReplicaSet, minHealthy: 2).Ci("app", Application)
            .Rel("r1", DependsOn, "h1").Rel("r2", DependsOn, "h2").Rel("r3", DependsOn, "h3")
            .Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs").Rel("r3", MemberOf, "rs").Rel("app", DependsOn, "rs")
            .Commit();
        b.Graph.Compact();
        b.Graph.PreparePropagationRows(); // now, so later writes find them built (rows made on first use would see the writes)
        return b;
    }

    [Fact]
    public void Impact_OneHostOfThreeReplicas_GroupDegradedFromTheRows()
    {
        var graph = Replicas().Build();
        ImpactEngine.t_propagationWalks = 0;

        var result = _analyzer.Impact(graph, ["h1"]);

        Assert.Equal(1, ImpactEngine.t_propagationWalks);
        Assert.Equal(ImpactState.Down, result.Find("r1")?.State);
        Assert.Equal(ImpactState.Degraded, result.Find("rs")?.State);
        Assert.Equal(ImpactState.AtRisk, result.Find("app")?.State);
        Assert.Equal(["r1", "rs"], result.PathTo("rs")!.Select(p => p.ToCiId));
        AssertSameAsGeneralRows(graph, ["h1"], new ImpactScope());
    }

    [Fact]
    public void Impact_TwoHostsOfThreeReplicas_GroupDownFromTheRows()
    {
        var graph = Replicas().Build();
        ImpactEngine.t_propagationWalks = 0;

        var result = _analyzer.Impact(graph, ["h1", "h2"]);

        Assert.Equal(1, ImpactEngine.t_propagationWalks);
        Assert.Equal(ImpactState.Down, result.Find("rs")?.State);
        Assert.Equal(ImpactState.Down, result.Find("app")?.State);
        AssertSameAsGeneralRows(graph, ["h1", "h2"], new ImpactScope());
    }

    /// <summary>
    /// A replica retired after the compaction: the rows' count (3) no longer holds, so one lost host leaves one live
    /// alternative of the two needed: down. As of the commit before the retirement the count holds again: degraded.
    /// </summary>
    [Fact]
    public void Impact_ReplicaRetiredSinceTheRows_CountsOnlyLiveAlternatives()
    {
        var b = Replicas();
        var before = b.Seq - 1;
        var graph = b.Retire("r3").Build();
        ImpactEngine.t_propagationWalks = 0;

        var now = _analyzer.Impact(graph, ["h1"]);
        var then = _analyzer.Impact(graph, ["h1"], new ImpactScope { AsOfSeq = before });

        Assert.Equal(2, ImpactEngine.t_propagationWalks); // still the rows: only facts changed, no relationship
        Assert.Equal(ImpactState.Down, now.Find("rs")?.State);
        Assert.Equal(ImpactState.Down, now.Find("app")?.State);
        Assert.Equal(ImpactState.Degraded, then.Find("rs")?.State);
        AssertSameAsGeneralRows(graph, ["h1"], new ImpactScope());
        AssertSameAsGeneralRows(graph, ["h1"], new ImpactScope { AsOfSeq = before });
    }

    /// <summary>A fourth replica added after the compaction (an overlay row): two lost hosts leave two of four.</summary>
    [Fact]
    public void Impact_ReplicaAddedSinceTheRows_CountsTheNewAlternative()
    {
        var graph = Replicas()
            .Ci("h4", LinuxServer).Ci("r4", Database).Rel("r4", DependsOn, "h4").Rel("r4", MemberOf, "rs")
            .Build();

        var result = _analyzer.Impact(graph, ["h1", "h2"]);

        Assert.Equal(ImpactState.Degraded, result.Find("rs")?.State);
        Assert.Equal(ImpactState.AtRisk, result.Find("app")?.State);
        AssertSameAsGeneralRows(graph, ["h1", "h2"], new ImpactScope());
    }

    /// <summary>The facts' count is by relationship, as the reverse lists are: a replica listed twice is two alternatives.</summary>
    [Fact]
    public void Impact_ReplicaWithTwoMemberships_CountsBoth()
    {
        var b = new GraphBuilder()
            .Ci("h1", LinuxServer).Ci("h2", LinuxServer)
            .Ci("r1", Database).Ci("r2", Database).Ci("rs", ReplicaSet, minHealthy: 2)
            .Rel("r1", DependsOn, "h1").Rel("r2", DependsOn, "h2")
            .Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs").Rel("r2", MemberOf, "rs")
            .Commit();
        b.Graph.Compact();
        var graph = b.Build();

        foreach (var cause in new[] { "h1", "h2" }) AssertSameAsGeneralRows(graph, [cause], new ImpactScope());
    }

    private void AssertSameAsGeneralRows(GraphIndex graph, string[] causes, ImpactScope scope) =>
        ImpactPropagationRowsTests.AssertWalksAgree(_analyzer, graph, causes, scope, string.Join(',', causes));
}
