using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The "down" bit in the marks of a walk over the propagation rows (<see cref="TraversalScratch.DownBit"/>): the walk
/// skips a neighbour whose mark has it without reading its state, so it must be set on exactly the slots that are
/// down, and never change which slot a mark names.
/// </summary>
public class ImpactDownBitTests
{
    [Fact]
    public void Walk_RandomGraphs_MarkHasTheDownBitExactlyWhenTheSlotIsDown()
    {
        var model = RandomImpactGraphs.Model;
        var random = new Random(17);
        var classes = model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var types = model.RelationshipTypes.Select(t => t.Name).ToArray();
        var (slots, down, fastWalks) = (0, 0, 0);
        for (var graphNo = 0; graphNo < 60; graphNo++)
        {
            var size = random.Next(10, 301);
            var b = new GraphBuilder(model);
            for (var i = 0; i < size; i++) RandomImpactGraphs.AddCi(b, random, classes, i);
            RandomImpactGraphs.AddEdges(b, random, size, types, [], size * random.Next(10, 41) / 10, 40);
            b.Commit(out _);
            b.Graph.Compact();
            var graph = b.Build();
            graph.Propagation(wait: true);
            for (var queryNo = 0; queryNo < 4; queryNo++)
            {
                var starts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(graph.NodeCount)).Distinct().ToArray();
                var maxDepth = random.Next(3) == 0 ? random.Next(0, 4) : 50;
                var rules = TraversalRules.Downstream(graph.Model, null, graph.Commits.Latest, maxDepth, includeRetired: random.Next(4) == 0);
                var s = TraversalScratch.Rent(graph.NodeCount);
                try
                {
                    ImpactEngine.t_propagationWalks = 0;
                    ImpactEngine.ReachDownstream(graph, rules, starts, s);
                    if (ImpactEngine.t_propagationWalks == 0) continue;
                    fastWalks++;
                    for (var slot = 0; slot < s.Count; slot++)
                    {
                        var mark = s.LocalMark[s.Local[slot]];
                        var isDown = s.State[slot] == ImpactState.Down;
                        Assert.True(isDown == ((mark & TraversalScratch.DownBit) != 0), $"graph {graphNo}, query {queryNo}, slot {slot}: state {s.State[slot]}, mark {mark:x8}");
                        Assert.True(s.TryLocalSlot(s.Local[slot], out var named) && named == slot, $"graph {graphNo}, query {queryNo}: the mark of slot {slot} names {named}");
                        slots++;
                        down += isDown ? 1 : 0;
                    }
                }
                finally
                {
                    TraversalScratch.Return(s);
                }
            }
        }

        Assert.True(fastWalks > 150, $"only {fastWalks} walks used the propagation rows");
        Assert.InRange(down, 1, slots - 1); // both kinds were checked
    }
}
