using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The small-closure walk over the propagation rows (ImpactEngine.WalkSmall: the closure first, then pass 1 of the
/// states over it; once the closure grows past the hand-over point, the general fast loop walks it again from the
/// causes under a new stamp) must give what the general rows give — items, states, depths, paths, summary — through
/// each of its rare cases: a CI outside the compact facts (retired when the rows were built), slot arrays and the levels
/// array grown mid-walk, a CI that goes down after its own row was passed (a drain), closures reached over ordinary
/// entries only (every state filled at once), the depth limit, and the hand-over at several points of a walk.
/// </summary>
public class ImpactSmallWalkTests
{
    private static readonly ImpactAnalyzer Analyzer = new();

    [Theory]
    [InlineData(0)] // the default: every closure of these graphs stays small
    [InlineData(1)] // hand-over once the causes' first rows are read: the general loop walks almost every closure
    [InlineData(3)]
    [InlineData(40)]
    public void Impact_RandomGraphs_SmallWalkAndItsHandOverAgreeWithTheGeneralRows(int handOverAt)
    {
        var counts = RunOnFreshThread(() => AgreeOnRandomGraphs(handOverAt, graphs: 60));

        Assert.True(counts.Walks > 150, $"only {counts.Walks} small walks");
        Assert.True(counts.Visits > 0, "no CI outside the compact facts was met");
        if (handOverAt == 0) Assert.True(counts.Rooms > 0, "the slot arrays never grew inside the walk"); // they start with 64 slots
        if (handOverAt is 0 or >= 40) Assert.True(counts.Drains > 0, "no CI went down after its row was passed"); // in the small walk's own pass
        Assert.InRange(counts.AllDown, 1, counts.Walks - 1); // both kinds of closure: without and with redundant entries
        if (handOverAt == 0) Assert.Equal(0, counts.HandOvers);
        else Assert.True(counts.HandOvers > counts.Walks / 4, $"only {counts.HandOvers} of {counts.Walks} walks were handed over");
    }

    [Fact]
    public void Impact_ChainDeeperThanTheLevelsArray_GrowsLevelsInsideTheSmallWalk()
    {
        // A chain of 40 hosts with a replica set hanging off every fifth (members on two neighbouring hosts, minHealthy 1):
        // 40 levels outgrow the scratch's first levels array; each set is degraded by its first member and taken down by
        // its second, a row later.
        var b = new GraphBuilder(RandomImpactGraphs.Model);
        for (var i = 0; i < 40; i++) b.Ci($"h{i}", "LinuxServer");
        for (var i = 1; i < 40; i++) b.Rel($"h{i - 1}", "S2T", $"h{i}");
        for (var i = 0; i + 1 < 40; i += 5)
        {
            b.Ci($"rs{i}", "ReplicaSet", minHealthy: 1).Ci($"db{i}a", "Database").Ci($"db{i}b", "Database");
            b.Rel($"h{i}", "S2T", $"db{i}a").Rel($"h{i + 1}", "S2T", $"db{i}b");
            b.Rel($"db{i}a", "S2T_R", $"rs{i}").Rel($"db{i}b", "S2T_R", $"rs{i}");
        }

        b.Commit(out _);
        b.Graph.Compact();
        var graph = b.Build();
        Assert.NotNull(graph.Propagation(wait: true));

        var counts = RunOnFreshThread(() =>
        {
            var scope = new ImpactScope { MaxDepth = 50 };
            ImpactPropagationRowsTests.AssertWalksAgree(Analyzer, graph, ["h0"], scope, "chain");
            var result = Analyzer.Impact(graph, ["h0"], scope);
            Assert.Equal(ImpactState.Down, result.Find("h39")?.State);
            Assert.Equal(39, result.Find("h39")?.Depth);
            Assert.Equal(ImpactState.Down, result.Find("rs35")?.State);
        });

        Assert.True(counts.Levels > 0, "the levels array never grew inside the walk");
        Assert.Equal(0, counts.AllDown); // the replica sets' entries are redundant
    }

    [Fact]
    public void Impact_DepthLimitInsideASmallWalk_LastLevelStillPassesTroubleOn()
    {
        // h0 -> h1 -> h2, a database on h1 (depth 2) and one on h2 (depth 3), both members of rs (minHealthy 1, depth 3).
        // With a limit of 3 the set is degraded by the first member and taken down by the second, whose row is only read
        // for settling (depth 3 is the last level: nothing grows from it).
        var b = new GraphBuilder(RandomImpactGraphs.Model)
            .Ci("h0", "LinuxServer").Ci("h1", "LinuxServer").Ci("h2", "LinuxServer")
            .Ci("a", "Database").Ci("c", "Database").Ci("rs", "ReplicaSet", minHealthy: 1)
            .Rel("h0", "S2T", "h1").Rel("h1", "S2T", "h2").Rel("h1", "S2T", "a").Rel("h2", "S2T", "c")
            .Rel("a", "S2T_R", "rs").Rel("c", "S2T_R", "rs");
        b.Commit(out _);
        b.Graph.Compact();
        var graph = b.Build();
        Assert.NotNull(graph.Propagation(wait: true));

        for (var maxDepth = 0; maxDepth <= 4; maxDepth++)
        {
            var scope = new ImpactScope { MaxDepth = maxDepth };
            RunOnFreshThread(() => ImpactPropagationRowsTests.AssertWalksAgree(Analyzer, graph, ["h0"], scope, $"max depth {maxDepth}"));
        }

        var limited = Analyzer.Impact(graph, ["h0"], new ImpactScope { MaxDepth = 3 });
        Assert.Equal((ImpactState.Down, 3), (limited.Find("rs")?.State, limited.Find("rs")?.Depth));
        Assert.Equal((ImpactState.Down, 3), (limited.Find("c")?.State, limited.Find("c")?.Depth));
        Assert.Null(Analyzer.Impact(graph, ["h0"], new ImpactScope { MaxDepth = 2 }).Find("rs"));
    }

    /// <summary>Random compacted graphs (every propagation kind, groups, retired CIs, self-loops), each query against the general rows.</summary>
    private static void AgreeOnRandomGraphs(int handOverAt, int graphs)
    {
        var random = new Random(20261201 + handOverAt);
        var model = RandomImpactGraphs.Model;
        var classes = model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var types = model.RelationshipTypes.Select(t => t.Name).ToArray();
        ImpactEngine.t_smallClosureSlots = handOverAt;
        try
        {
            for (var graphNo = 0; graphNo < graphs; graphNo++)
            {
                var size = random.Next(10, 301);
                var b = new GraphBuilder(model);
                for (var i = 0; i < size; i++) RandomImpactGraphs.AddCi(b, random, classes, i);

                // Some graphs follow only non-redundant types, so some closures have no redundant entry at all.
                var followed = random.Next(3) == 0 ? types.Where(t => !t.EndsWith("_R", StringComparison.Ordinal)).ToArray() : types;
                RandomImpactGraphs.AddEdges(b, random, size, followed, [], size * random.Next(10, 41) / 10, 40);
                b.Commit(out _);
                b.Graph.Compact();
                var graph = b.Build();
                Assert.NotNull(graph.Propagation(wait: true));
                for (var queryNo = 0; queryNo < 4; queryNo++)
                {
                    var causes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"ci{random.Next(size)}").ToArray();
                    var scope = new ImpactScope
                    {
                        MaxDepth = random.Next(4) == 0 ? random.Next(0, 4) : 50,
                        IncludeRetired = random.Next(4) == 0,
                    };
                    ImpactPropagationRowsTests.AssertWalksAgree(Analyzer, graph, causes, scope, $"hand-over at {handOverAt}, graph {graphNo}, query {queryNo}");
                }
            }
        }
        finally
        {
            ImpactEngine.t_smallClosureSlots = 0;
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> on a new thread (its own cached scratch, so the slot and levels arrays start small and
    /// must grow inside the walk) and returns what the small walks on it met.
    /// </summary>
    internal static ImpactEngine.SmallWalkCounts RunOnFreshThread(Action body)
    {
        var counts = new ImpactEngine.SmallWalkCounts();
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            ImpactEngine.t_smallWalkCounts = counts;
            try
            {
                body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException($"on the walk's thread: {failure}");
        return counts;
    }
}
