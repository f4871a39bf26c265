using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Topology;

public class PackedFactsTests
{
    [Fact]
    public void Summary_FactsChangedLater_CountsTheFactsOfTheCommitAskedFor()
    {
        var b = new GraphBuilder()
            .Ci("db", Database).Ci("app", Application, environment: "staging", criticality: 3).Rel("app", DependsOn, "db").Commit(out var first)
            .Ci("app", Application, environment: "production", criticality: 1).Commit(out var second);
        b.Graph.Compact();
        var analyzer = new ImpactAnalyzer();

        var before = analyzer.Impact(b.Graph, ["db"], new() { AsOfSeq = first }).Summary;
        var after = analyzer.Impact(b.Graph, ["db"], new() { AsOfSeq = second }).Summary;

        Assert.Contains(before.ByEnvironment, e => e.Environment == "staging" && e.Count == 1);
        Assert.Contains(before.ByCriticality, c => c.Criticality == 3 && c.Count == 1);
        Assert.Contains(after.ByEnvironment, e => e.Environment == "production" && e.Count == 1);
        Assert.Contains(after.ByCriticality, c => c.Criticality == 1 && c.Count == 1);
        Assert.DoesNotContain(after.ByEnvironment, e => e.Environment == "staging");
    }

    [Fact]
    public void Impact_MinHealthyBeyondThePackedRange_StillReadsItFromTheState()
    {
        var b = new GraphBuilder().Ci("a", Hypervisor).Ci("b", Hypervisor).Ci("cluster", Cluster, minHealthy: int.MaxValue)
            .Rel("a", MemberOf, "cluster").Rel("b", MemberOf, "cluster").Commit();
        b.Graph.Compact();

        var result = new ImpactAnalyzer().Impact(b.Graph, ["a"]);

        Assert.Equal(ImpactState.Down, result.Find("cluster")!.State); // 1 of 2 left, far below minHealthy
    }

    [Fact]
    public void Summary_WithEnvironmentFilter_CountsOnlyThatEnvironment()
    {
        var b = new GraphBuilder().Ci("db", Database, environment: "production")
            .Ci("a1", Application, environment: "production").Ci("a2", Application, environment: "staging")
            .Rel("a1", DependsOn, "db").Rel("a2", DependsOn, "db").Commit();

        var result = new ImpactAnalyzer().Impact(b.Graph, ["db"], new() { Environments = ["production"] });

        Assert.Equal(2, result.TotalCount);
        Assert.Equal(2, result.Summary.Total);
        Assert.Equal(2, result.Summary.Down);
        Assert.Equal(2, Assert.Single(result.Summary.ByEnvironment).Count);
    }

    [Fact]
    public void StateAt_AfterSeveralUpdates_ReturnsEachCommitsFactsAndNullBeforeTheFirst()
    {
        var b = new GraphBuilder().Commit().Ci("vm", VirtualMachine, environment: "dev", criticality: 4).Commit(out var first)
            .Ci("vm", VirtualMachine, minHealthy: int.MaxValue).Commit(out var overflowing)
            .Ci("vm", VirtualMachine, environment: "prod", criticality: 2).Retire("vm").Commit(out var last);
        var graph = b.Graph;
        graph.TryGetNode("vm", out var vm);

        Assert.Null(graph.StateAt(vm, first - 1));
        var s1 = graph.StateAt(vm, first)!;
        Assert.Equal(("dev", 4, CiStatus.Active, first), (graph.EnvironmentName(s1.EnvironmentIndex), s1.Criticality, s1.Status, s1.SinceSeq));
        var s2 = graph.StateAt(vm, overflowing)!;
        Assert.Equal((int.MaxValue, overflowing), (s2.MinHealthy, s2.SinceSeq));
        var s3 = graph.StateAt(vm, last)!;
        Assert.Equal(("prod", 2, CiStatus.Retired, last), (graph.EnvironmentName(s3.EnvironmentIndex), s3.Criticality, s3.Status, s3.SinceSeq));
        Assert.Equal(s3, graph.StateAt(vm, int.MaxValue));
    }

    [Fact]
    public async Task StateAt_WhileAWriterFlipsTheFacts_AlwaysReturnsAWholeState()
    {
        var b = new GraphBuilder().Ci("vm", VirtualMachine, environment: "a", criticality: 1).Commit();
        var graph = b.Graph;
        graph.TryGetNode("vm", out var vm);
        var cls = graph.Model.GetClass(VirtualMachine).Index;
        var writer = Task.Run(() =>
        {
            for (var seq = 2; seq < 20000; seq++)
            {
                // Environment and criticality always change together: a torn read would pair "a" with 2.
                var odd = seq % 2 == 1;
                graph.UpsertNode("vm", cls, CiStatus.Active, odd ? "a" : "b", odd ? 1 : 2, odd ? 1 : 2, seq);
                graph.Commits.Append(seq, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seq));
            }
        });

        var reads = 0;
        while (!writer.IsCompleted || reads == 0)
        {
            var s = graph.StateAt(vm, graph.Commits.Latest)!;
            var env = graph.EnvironmentName(s.EnvironmentIndex);
            Assert.True((env, s.Criticality, s.MinHealthy) is ("a", 1, 0) or ("a", 1, 1) or ("b", 2, 2), $"torn state {env}/{s.Criticality}/{s.MinHealthy}");
            reads++;
        }

        await writer;
    }
}
