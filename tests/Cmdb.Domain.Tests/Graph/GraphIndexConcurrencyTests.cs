using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Topology;

public class GraphIndexConcurrencyTests
{
    /// <summary>
    /// Commit k (k ≥ 2) adds app(k) RUNS_ON the hub and, when k is even and above 2, removes app(k-1)'s; the index compacts every
    /// few commits, so readers cross compactions, overlay rows and removals of compacted edges. Impact of the hub at
    /// commit k therefore has exactly Expected(k) CIs, whichever commit a reader picks.
    /// </summary>
    [Fact]
    public async Task Impact_WhileAWriterAddsRemovesAndCompacts_EveryCommitReadsExactly()
    {
        var b = new GraphBuilder().Ci("hub", Switch).Commit();
        var graph = b.Graph;
        graph.CompactionFloor = 16;
        var analyzer = new ImpactAnalyzer();
        var app = graph.Model.GetClass(Application).Index;
        var runsOn = graph.Model.GetRelationshipType(RunsOn).Index;
        graph.TryGetNode("hub", out var hub);
        const int Commits = 1500;

        var writer = Task.Run(() =>
        {
            for (var k = 2; k <= Commits; k++)
            {
                var node = graph.UpsertNode($"app{k}", app, CiStatus.Active, null, null, null, k);
                graph.AddEdge(k, node, hub, runsOn, k);
                if (k % 2 == 0 && k > 2) Assert.True(graph.RemoveEdge(k - 1, node - 1, k));
                graph.Commits.Append(k, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(k));
            }
        });

        var random = new Random(5);
        var reads = 0;
        while (!writer.IsCompleted || reads == 0)
        {
            var latest = graph.Commits.Latest;
            var seq = random.Next(2) == 0 ? latest : random.Next(1, latest + 1);
            var result = analyzer.Impact(graph, ["hub"], new ImpactScope { AsOfSeq = seq });
            Assert.Equal(Expected(seq), result.TotalCount);
            reads++;
        }

        await writer;
        Assert.True(graph.CompactionCount > 3, $"only {graph.CompactionCount} compactions");
        Assert.Equal(Expected(Commits), analyzer.Impact(graph, ["hub"]).TotalCount);
        for (var seq = 1; seq <= Commits; seq += 37) Assert.Equal(Expected(seq), analyzer.Impact(graph, ["hub"], new ImpactScope { AsOfSeq = seq }).TotalCount);
    }

    /// <summary>The hub plus the apps whose edge is alive at commit k: every even one up to k, and app(k) when k is odd.</summary>
    private static int Expected(int k) => k < 2 ? 1 : 1 + (k / 2) + (k % 2);
}
