using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Xunit;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// The bookkeeping around a walk over the propagation rows that session 13 changed: the local marks' stamps (the marks
/// are cleared only when the stamps wrap) and the summary's count of the slots by combination, eight at a time.
/// The walks themselves are held to the general rows by the property tests (<see cref="ImpactSmallWalkTests"/>).
/// </summary>
public class ImpactWalkBookkeepingTests
{
    [Fact]
    public void BeginLocal_EveryStampInARow_GiveDistinctStampsAndClearTheMarksOnlyWhenTheStampsWrap()
    {
        var s = new TraversalScratch();
        s.BeginLocal(100);
        s.LocalMark[5] = s.LocalStamp | 7; // the first walk reaches local node 5 in slot 7
        var stamps = new HashSet<int> { s.LocalStamp };
        const int distinct = TraversalScratch.Stamps - 1; // stamp 0 is never used
        for (var walk = 2; walk <= distinct; walk++)
        {
            s.BeginLocal(100);
            stamps.Add(s.LocalStamp);
            Assert.False(s.TryLocalSlot(5, out _)); // an older walk's mark is never this walk's
        }

        Assert.Equal(distinct, stamps.Count);
        Assert.DoesNotContain(0, stamps);
        Assert.All(stamps, stamp => Assert.Equal(stamp, stamp & TraversalScratch.StampMask));
        Assert.NotEqual(0, s.LocalMark[5]); // not cleared while every stamp was new

        s.BeginLocal(100); // the next walk takes the first walk's stamp again

        Assert.Contains(s.LocalStamp, stamps);
        Assert.Equal(0, s.LocalMark[5]);
        Assert.False(s.TryLocalSlot(5, out _));
    }

    [Fact]
    public void CountCombos_UnknownFactsInABlockAndInTheTail_CountsTheKnownSlotsByCombinationAndCopy()
    {
        const int combos = 10, copies = 4;
        var random = new Random(13);
        var facts = new int[(8 * 3) + 5];
        for (var slot = 0; slot < facts.Length; slot++)
        {
            // Every other field of the compact facts set too: only the combination may pick the cell.
            var known = random.Next(combos) | (random.Next(64) << 14) | (random.Next(2) == 0 ? LocalFacts.RetiredBit : 0);
            facts[slot] = LocalFacts.WithAlternatives(known, random.Next(200));
        }

        facts[10] = LocalFacts.Unknown; // in the second block of eight
        facts[27] = LocalFacts.Unknown; // in the tail
        var histogram = new int[combos * copies];

        var unknown = ImpactCounts.CountCombos(facts, histogram);

        var expected = new int[combos * copies];
        for (var slot = 0; slot < facts.Length; slot++)
        {
            if (facts[slot] >= 0) expected[(LocalFacts.Combo(facts[slot]) * copies) + (slot % copies)]++;
        }

        Assert.Equal(2, unknown);
        Assert.Equal(expected, histogram);
        Assert.Equal(facts.Length - 2, histogram.Sum());
    }
}
