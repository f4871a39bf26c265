using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The "down" bit in the marks of a walk over the propagation rows (<see cref="TraversalScratch.DownBit"/>): the walk
/// skips a neighbour whose mark has it without reading its state, so it must be set on exactly the slots that are
/// down, and never change which slot a mark names. The one exception: a small walk whose CIs were all reached first over
/// ordinary entries fills every state with "down" at once and leaves the bits clear (no loop reads them after that
/// walk); a bit that is set still means "down" there.
/// </summary>
public class ImpactDownBitTests
{
    [Theory]
    [InlineData(0)] // the small walk
    [InlineData(1)] // handed over to the general fast loop after the causes' first rows
    public void Walk_RandomGraphs_MarkHasTheDownBitExactlyWhenTheSlotIsDown(int handOverAt)
    {
        var (slots, down, fastWalks, exact) = (0, 0, 0, 0);
        var counts = ImpactSmallWalkTests.RunOnFreshThread(() =>
        {
            ImpactEngine.t_smallClosureSlots = handOverAt;
            (slots, down, fastWalks, exact) = CheckRandomWalks(ImpactEngine.t_smallWalkCounts!);
        });

        Assert.True(fastWalks > 150, $"only {fastWalks} walks used the propagation rows");
        Assert.True(exact > fastWalks / 2, $"only {exact} of {fastWalks} walks had exact bits");
        Assert.Equal(handOverAt > 0, counts.HandOvers > 0);
        Assert.InRange(down, 1, slots - 1); // both kinds were checked
    }

    private static (int Slots, int Down, int FastWalks, int Exact) CheckRandomWalks(ImpactEngine.SmallWalkCounts counts)
    {
        var model = RandomImpactGraphs.Model;
        var random = new Random(17);
        var classes = model.Classes.Where(c => !c.Abstract).Select(c => c.Name).ToArray();
        var types = model.RelationshipTypes.Select(t => t.Name).ToArray();
        var (slots, down, fastWalks, exact) = (0, 0, 0, 0);
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
                    var allDownBefore = counts.AllDown;
                    ImpactEngine.ReachDownstream(graph, rules, starts, s);
                    if (ImpactEngine.t_propagationWalks == 0) continue;
                    fastWalks++;
                    var bitsExact = counts.AllDown == allDownBefore;
                    exact += bitsExact ? 1 : 0;
                    for (var slot = 0; slot < s.Count; slot++)
                    {
                        var mark = s.LocalMark[s.Local[slot]];
                        var isDown = s.State[slot] == ImpactState.Down;
                        var hasBit = (mark & TraversalScratch.DownBit) != 0;
                        Assert.True(bitsExact ? isDown == hasBit : isDown || !hasBit, $"graph {graphNo}, query {queryNo}, slot {slot}: state {s.State[slot]}, mark {mark:x8}");
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

        return (slots, down, fastWalks, exact);
    }
}
