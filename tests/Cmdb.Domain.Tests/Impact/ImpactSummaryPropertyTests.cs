using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The summary is counted right after settling and its business services are ordered on first read (by a 64-bit key
/// over a window of the ULID bits): on random graphs full of business services with canonical ULID ids — sharing
/// long prefixes, and some differing only below the key's window — it must equal what the items themselves say.
/// </summary>
public class ImpactSummaryPropertyTests
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly ModelCatalog Model = RandomImpactGraphs.Model;
    private static readonly string[] Environments = ["prod", "staging", "dev"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Summary_RandomGraphsWithManyServices_MatchesTheItems(bool compact)
    {
        var random = new Random(compact ? 11 : 7);
        var analyzer = new ImpactAnalyzer();
        var classes = Model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var types = Model.RelationshipTypes.Select(t => t.Name).ToArray();
        for (var graphNo = 0; graphNo < 60; graphNo++)
        {
            var size = random.Next(20, 260);
            var ids = Ids(random, size);
            var b = new GraphBuilder(Model);
            for (var i = 0; i < size; i++)
            {
                b.Ci(ids[i], random.Next(3) == 0 ? WellKnown.Classes.BusinessService : classes[random.Next(classes.Length)],
                    minHealthy: random.Next(3) == 0 ? random.Next(1, 4) : null,
                    status: random.Next(20) == 0 ? CiStatus.Retired : CiStatus.Active,
                    environment: random.Next(4) == 0 ? null : Environments[random.Next(Environments.Length)],
                    criticality: random.Next(3) == 0 ? null : random.Next(1, random.Next(8) == 0 ? 90 : 5));
            }

            for (var i = 0; i < size * random.Next(15, 41) / 10; i++)
                b.Rel(ids[random.Next(size)], types[random.Next(types.Length)], ids[random.Next(size)]);
            var graph = b.Build();
            if (compact) graph.Compact();
            for (var queryNo = 0; queryNo < 4; queryNo++)
            {
                var causes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => ids[random.Next(size)]).ToArray();
                var scope = new ImpactScope
                {
                    MaxDepth = random.Next(4) == 0 ? random.Next(0, 4) : 50,
                    Environments = random.Next(3) == 0 ? [Environments[random.Next(Environments.Length)]] : null,
                };
                var result = analyzer.Impact(graph, causes, scope);
                var items = result.Items(0, int.MaxValue);
                Assert.Equal(Expected(graph, items), Describe(result.Summary));
            }
        }
    }

    [Fact]
    public void Impact_ManyWalksOnOneThread_GiveTheSameAnswerAfterTheMarksWrapAround()
    {
        var b = new GraphBuilder(Model);
        for (var i = 0; i < 40; i++) b.Ci($"ci{i}", "LinuxServer", minHealthy: i % 5 == 0 ? 1 : null);
        for (var i = 1; i < 40; i++) b.Rel($"ci{(i - 1) / 2}", i % 3 == 0 ? "S2T_R" : "S2T", $"ci{i}");
        var graph = b.Build();
        graph.Compact();
        var analyzer = new ImpactAnalyzer();
        string Run(string cause) => string.Join(';', analyzer.Impact(graph, [cause]).Items(0, 100).Select(x => $"{x.CiId}:{x.State}:{x.Depth}"));
        var first = Enumerable.Range(0, 4).Select(i => Run($"ci{i}")).ToArray();
        for (var walk = 0; walk < 1100; walk++) Assert.Equal(first[walk % 4], Run($"ci{walk % 4}")); // the local marks' 8-bit stamp wraps four times
    }

    private static string Expected(Cmdb.Domain.Graph.GraphIndex graph, IReadOnlyList<ImpactItem> items)
    {
        var lines = new List<string>
        {
            $"total {items.Count} down {items.Count(i => i.State == ImpactState.Down)} degraded {items.Count(i => i.State == ImpactState.Degraded)} " +
            $"at risk {items.Count(i => i.State == ImpactState.AtRisk)}",
            string.Join(',', items.GroupBy(i => i.ClassName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}")),
            string.Join(',', items.GroupBy(i => i.Environment ?? "").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}")),
            string.Join(',', items.GroupBy(i => i.Criticality).OrderBy(g => g.Key ?? int.MaxValue).Select(g => $"{g.Key}={g.Count()}")),
        };
        var service = graph.Model.GetClass(WellKnown.Classes.BusinessService).Index;
        var services = items.Where(i => graph.Model.IsA(graph.Model.GetClass(i.ClassName).Index, service))
            .OrderByDescending(i => i.State).ThenBy(i => i.Criticality ?? int.MaxValue).ThenBy(i => i.CiId, StringComparer.Ordinal);
        lines.Add(string.Join(',', services.Select(x => $"{x.CiId}:{x.State}:{x.Depth}:{x.Criticality}")));
        return string.Join('\n', lines);
    }

    private static string Describe(ImpactSummary s) => string.Join('\n',
        $"total {s.Total} down {s.Down} degraded {s.Degraded} at risk {s.AtRisk}",
        string.Join(',', s.ByClass.Select(c => $"{c.ClassName}={c.Count}")),
        string.Join(',', s.ByEnvironment.Select(e => $"{e.Environment ?? ""}={e.Count}")),
        string.Join(',', s.ByCriticality.Select(c => $"{c.Criticality}={c.Count}")),
        string.Join(',', s.BusinessServices.Select(x => $"{x.CiId}:{x.State}:{x.Depth}:{x.Criticality}")));

    /// <summary>
    /// Canonical ULIDs sharing a 10-character prefix; the 12th character takes one of two values and the last one any,
    /// so many differ only in bits below a 56-bit window that starts at their highest differing bit (key ties).
    /// </summary>
    private static string[] Ids(Random random, int count)
    {
        var prefix = "01J" + new string(Enumerable.Range(0, 7).Select(_ => Crockford[random.Next(32)]).ToArray());
        var middle = new string(Enumerable.Range(0, 13).Select(_ => Crockford[random.Next(32)]).ToArray());
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (ids.Count < count)
        {
            var id = random.Next(4) == 0
                ? prefix + new string(Enumerable.Range(0, 16).Select(_ => Crockford[random.Next(32)]).ToArray())
                : prefix + "X" + (random.Next(2) == 0 ? "A" : "B") + middle + Crockford[random.Next(32)];
            ids.Add(id);
        }

        return [.. ids];
    }
}
