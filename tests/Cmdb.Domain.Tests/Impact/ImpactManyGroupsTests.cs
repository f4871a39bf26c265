using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// One host carrying a replica of many replica sets, as a hypervisor's closure does: its loss leaves some sets
/// degraded and takes others down, with the degraded ones spread over the slots — across the 32-slot blocks the
/// degraded pass scans at once and into the tail after them — and the summary counts states apart from the facts when
/// no environment is filtered. Also the layout the walk reads: each row start beside its CI's facts.
/// </summary>
public class ImpactManyGroupsTests
{
    private readonly ImpactAnalyzer _analyzer = new();

    /// <summary>
    /// Host h runs replica a of sets rs0..rs{n-1}; replicas b and c of every set run on hosts hb and hc. Set i needs 3 of
    /// its 3 replicas when i % 3 == 0 (losing h takes it down) and 2 otherwise (degraded); each set is the one member of
    /// a group g{i} (minHealthy 1: down with its set, or degraded by the degraded pass, which spreads from the queued
    /// degraded sets); every even set has an app depending on it. Compacted with the propagation rows built, so impact
    /// walks the rows.
    /// </summary>
    private static GraphIndex Groups(int n)
    {
        var b = new GraphBuilder().Ci("h", LinuxServer, environment: "prod").Ci("hb", LinuxServer, environment: "prod").Ci("hc", LinuxServer, environment: "dev");
        for (var i = 0; i < n; i++)
        {
            var env = i % 4 == 0 ? "dev" : "prod";
            b.Ci($"rs{i}", ReplicaSet, minHealthy: i % 3 == 0 ? 3 : 2, environment: env, criticality: 1 + (i % 3))
                .Ci($"r{i}a", Database, environment: env).Ci($"r{i}b", Database, environment: env).Ci($"r{i}c", Database, environment: env)
                .Rel($"r{i}a", DependsOn, "h").Rel($"r{i}b", DependsOn, "hb").Rel($"r{i}c", DependsOn, "hc")
                .Rel($"r{i}a", MemberOf, $"rs{i}").Rel($"r{i}b", MemberOf, $"rs{i}").Rel($"r{i}c", MemberOf, $"rs{i}")
                .Ci($"g{i}", ReplicaSet, minHealthy: 1, environment: env).Rel($"rs{i}", MemberOf, $"g{i}");
            if (i % 2 == 0) b.Ci($"app{i}", Application, environment: env, criticality: 2).Rel($"app{i}", DependsOn, $"rs{i}");
        }

        b.Commit();
        b.Graph.Compact();
        b.Graph.PreparePropagationRows();
        return b.Build();
    }

    [Theory]
    [InlineData(10)] // 36 slots: the last groups in the scalar tail after the first 32-slot block
    [InlineData(100)] // 351 slots: degraded sets and groups across several blocks
    public void Impact_HostOfManyGroups_EachSetDegradedOrDownByItsRedundancy(int n)
    {
        var graph = Groups(n);
        ImpactEngine.t_propagationWalks = 0;

        using var result = _analyzer.Impact(graph, ["h"]);

        Assert.Equal(1, ImpactEngine.t_propagationWalks);
        var (down, degraded, atRisk) = (1 + n, 0, 0); // the host and every replica a
        for (var i = 0; i < n; i++)
        {
            var setDown = i % 3 == 0;
            Assert.Equal(setDown ? ImpactState.Down : ImpactState.Degraded, result.Find($"rs{i}")?.State);
            Assert.Equal(setDown ? ImpactState.Down : ImpactState.Degraded, result.Find($"g{i}")?.State);
            if (setDown) down += 2;
            else degraded += 2;
            if (i % 2 != 0) continue;
            Assert.Equal(setDown ? ImpactState.Down : ImpactState.AtRisk, result.Find($"app{i}")?.State);
            if (setDown) down++;
            else atRisk++;
        }

        var summary = result.Summary;
        Assert.Equal((1 + (3 * n) + ((n + 1) / 2), down, degraded, atRisk), (summary.Total, summary.Down, summary.Degraded, summary.AtRisk));
        ImpactPropagationRowsTests.AssertWalksAgree(_analyzer, graph, ["h"], new ImpactScope(), $"{n} sets");
    }

    /// <summary>
    /// A filter naming every environment reports every CI: the summary counted by (combination, state) for the filter
    /// must equal the one counted with states and facts apart without it.
    /// </summary>
    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    public void Summary_FilterOfEveryEnvironment_SameAsNoFilter(int n)
    {
        var graph = Groups(n);

        using var all = _analyzer.Impact(graph, ["h"]);
        using var filtered = _analyzer.Impact(graph, ["h"], new ImpactScope { Environments = ["prod", "dev"] });

        Assert.Equal(Totals(all.Summary), Totals(filtered.Summary));
        Assert.Equal(all.TotalCount, filtered.TotalCount);
    }

    /// <summary>
    /// The rows keep each local node's row start and facts side by side: the starts still bound every row (empty rows
    /// included: the apps trouble stops at) and resolve every entry to a relationship of its row's CI, and the facts
    /// still name each CI's class, minHealthy and alternatives.
    /// </summary>
    [Fact]
    public void Rows_EachRowStartBesideItsCiFacts()
    {
        var graph = Groups(10);
        var rows = graph.Propagation(wait: true)!;
        var seq = graph.Commits.Latest;

        Assert.Equal(0, rows.RowStart(0));
        Assert.Equal(rows.Entry.Length, rows.RowStart(rows.NodeCount));
        Assert.Equal(2 * (rows.NodeCount + 1), rows.Nodes.Length);
        var empty = 0;
        for (var local = 0; local < rows.NodeCount; local++)
        {
            var node = rows.ToPublic[local];
            Assert.True(rows.RowStart(local) <= rows.RowStart(local + 1), $"row {local} ends before it starts");
            empty += rows.RowStart(local) == rows.RowStart(local + 1) ? 1 : 0;
            for (var entry = rows.RowStart(local); entry < rows.RowStart(local + 1); entry++)
            {
                var edge = rows.EdgeOf(entry);
                Assert.True(graph.Source(edge) == node || graph.Target(edge) == node, $"entry {entry} of {graph.CiId(node)}'s row resolves to another CI's relationship");
            }

            var facts = rows.FactsOf(local);
            var state = graph.StateAt(node, seq)!;
            Assert.True(facts >= 0, $"{graph.CiId(node)} has no compact facts");
            Assert.Equal(state.ClassIndex, PackedFacts.ClassIndex(rows.Combos[LocalFacts.Combo(facts)]));
            Assert.Equal(state.MinHealthy, LocalFacts.MinHealthy(facts));
            var id = graph.CiId(node);
            Assert.Equal(id.StartsWith("rs", StringComparison.Ordinal) ? 3 : id.StartsWith('g') ? 1 : -1, LocalFacts.Alternatives(facts));
        }

        Assert.True(empty > 0, "no empty row was checked");
    }

    private static string Totals(ImpactSummary s) =>
        $"{s.Total} {s.Down} {s.Degraded} {s.AtRisk} | {string.Join(',', s.ByClass.Select(c => $"{c.ClassName}={c.Count}"))} | " +
        $"{string.Join(',', s.ByEnvironment.Select(e => $"{e.Environment}={e.Count}"))} | {string.Join(',', s.ByCriticality.Select(c => $"{c.Criticality}={c.Count}"))}";
}
