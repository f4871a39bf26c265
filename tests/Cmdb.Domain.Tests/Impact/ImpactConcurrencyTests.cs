using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

public class ImpactConcurrencyTests
{
    [Fact]
    public async Task Impact_WhileTheIndexGrows_ReadsAConsistentSnapshot()
    {
        var b = new GraphBuilder().Ci("hub", Switch).Ci("pool", Cluster, minHealthy: 1);
        var graph = b.Build();
        var analyzer = new ImpactAnalyzer();
        var app = graph.Model.GetClass(Application).Index;
        var runsOn = graph.Model.GetRelationshipType(RunsOn).Index;
        var memberOf = graph.Model.GetRelationshipType(MemberOf).Index;
        graph.TryGetNode("hub", out var hub);
        graph.TryGetNode("pool", out var pool);
        const int Added = 2000;

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < Added; i++)
            {
                var seq = graph.Commits.Latest + 1;
                var node = graph.UpsertNode($"app{i}", app, CiStatus.Active, null, null, null, seq);
                graph.AddEdge(i * 2L + 100, node, hub, runsOn, seq);
                graph.AddEdge(i * 2L + 101, node, pool, memberOf, seq);
                graph.Commits.Append(seq, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seq));
            }
        });

        var reads = 0;
        while (!writer.IsCompleted || reads == 0)
        {
            var result = analyzer.Impact(graph, ["hub"]);
            Assert.True(result.TotalCount <= Added + 2);
            reads++;
        }

        await writer;
        var final = analyzer.Impact(graph, ["hub"]);
        Assert.Equal(Added + 2, final.TotalCount);
        Assert.Equal(ImpactState.Down, final.Find("pool")?.State);
    }
}
