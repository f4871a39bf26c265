using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The session-7 walk over the propagation rows: a group's alternatives come from its compact facts when its reverse
/// list is whole, values that do not fit the compact facts (minHealthy above 63, 255 or more alternatives) fall back to
/// the full reads, and the depth limit ends the growing loop with the last level still settled. Each case must give
/// what the general rows give.
/// </summary>
public class ImpactCompactFactsTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    [Fact]
    public void WithAlternatives_KnownFacts_KeepsTheOtherFieldsAndReadsBack()
    {
        var local = 5 | (7 << 14) | LocalFacts.RetiredBit;

        var counted = LocalFacts.WithAlternatives(local, 254);

        Assert.Equal((5, 7, true, 254), (LocalFacts.Combo(counted), LocalFacts.MinHealthy(counted), LocalFacts.IsRetired(counted), LocalFacts.Alternatives(counted)));
        Assert.Equal(-1, LocalFacts.Alternatives(local));
        Assert.Equal(local, LocalFacts.WithAlternatives(local, 255)); // does not fit: not recorded
        Assert.Equal(LocalFacts.Unknown, LocalFacts.WithAlternatives(LocalFacts.Unknown, 3));
    }

    [Theory]
    [InlineData(1, new[] { "m0" }, ImpactState.Degraded)]
    [InlineData(64, new[] { "m0" }, ImpactState.Degraded)]
    [InlineData(64, new[] { "m0", "m1" }, ImpactState.Down)]
    [InlineData(65, new[] { "m0" }, ImpactState.Down)]
    public void Impact_GroupOf65WithMinHealthyAboveTheCompactRange_SameStateBothWalks(int minHealthy, string[] causes, ImpactState expected)
    {
        var graph = Group(65, minHealthy);

        var result = _analyzer.Impact(graph, causes);

        Assert.Equal(expected, result.Find("group")?.State);
        Assert.Equal(expected == ImpactState.Down ? ImpactState.Down : ImpactState.AtRisk, result.Find("service")?.State);
        ImpactPropagationRowsTests.AssertWalksAgree(_analyzer, graph, causes, new ImpactScope(), $"minHealthy {minHealthy}");
    }

    [Fact]
    public void Impact_GroupOf300Alternatives_CountedFromItsListAndDegraded()
    {
        var graph = Group(300, 1);

        var result = _analyzer.Impact(graph, ["host"]); // takes down every member on the host: m0..m149

        Assert.Equal(ImpactState.Degraded, result.Find("group")?.State);
        Assert.Equal(ImpactState.AtRisk, result.Find("service")?.State);
        ImpactPropagationRowsTests.AssertWalksAgree(_analyzer, graph, ["host"], new ImpactScope(), "300 alternatives");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Impact_DepthLimitInsideTheGroup_LastLevelStillSettledBothWalks(int maxDepth)
    {
        var graph = Group(4, 3);
        var scope = new ImpactScope { MaxDepth = maxDepth };
        ImpactEngine.t_propagationWalks = 0;

        var result = _analyzer.Impact(graph, ["m0", "m1"], scope);

        Assert.Equal(1, ImpactEngine.t_propagationWalks);
        Assert.Equal(maxDepth >= 1 ? ImpactState.Down : null, result.Find("group")?.State);
        ImpactPropagationRowsTests.AssertWalksAgree(_analyzer, graph, ["m0", "m1"], scope, $"max depth {maxDepth}");
    }

    /// <summary>
    /// <paramref name="members"/> databases m0.. in a replica set "group" (minHealthy <paramref name="minHealthy"/>) that
    /// "service" depends on; the first half of the members run on "host". Compacted, so the propagation rows answer.
    /// </summary>
    private static GraphIndex Group(int members, int minHealthy)
    {
        var b = new GraphBuilder().Ci("host", LinuxServer).Ci("group", ReplicaSet, minHealthy: minHealthy).Ci("service", BusinessService)
            .Rel("service", DependsOn, "group");
        for (var m = 0; m < members; m++)
        {
            b.Ci($"m{m}", Database).Rel($"m{m}", MemberOf, "group");
            if (m < members / 2) b.Rel($"m{m}", RunsOn, "host");
        }

        var graph = b.Build();
        graph.Compact();
        return graph;
    }
}
