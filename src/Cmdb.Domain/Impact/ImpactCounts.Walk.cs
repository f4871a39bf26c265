using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal sealed partial class ImpactCounts
{
    /// <summary>
    /// Counts a walk over the propagation rows from the scratch, for the slots whose environment passes
    /// <paramref name="environments"/> (null: all). The services are counted, not listed: the result lists them on
    /// first read (<see cref="ReachedSet.Services"/>).
    /// </summary>
    /// <remarks>
    /// One increment per slot: a slot's compact facts name its (class, environment, criticality) combination
    /// (<see cref="LocalFacts.Combo"/>), so the slots are counted by (combination, state) into a histogram kept zeroed in
    /// the scratch, and each non-zero cell is then added to the totals and cleared. The cells are found by scanning the
    /// slots again when they are fewer than the cells, and the cells otherwise, so a small closure never pays for
    /// every combination. Slots whose facts the walk read in full are counted one by one.
    /// </remarks>
    public static ImpactCounts FromWalk(GraphIndex graph, int seq, TraversalScratch s, bool[]? environments)
    {
        var rows = s.Propagation!;
        var combos = rows.Combos;
        var counts = new ImpactCounts(graph.Model) { Services = null };
        var cells = combos.Length << 2;
        if (s.Histogram.Length < cells * Copies) s.Histogram = new int[cells * Copies];
        var histogram = s.Histogram;
        ref var cell0 = ref MemoryMarshal.GetArrayDataReference(histogram);
        var facts = s.SlotFacts.AsSpan(0, s.Count);
        var states = s.State.AsSpan(0, facts.Length);
        var unknown = 0;
        for (var slot = 0; slot < facts.Length; slot++)
        {
            var f = facts[slot];
            if (f < 0)
            {
                unknown++;
                continue;
            }

            // In range by construction: a known fact's combination is below combos.Length, a state below 4. Consecutive
            // slots mostly share a cell (a closure's CIs come in runs of one class), so each cell has Copies counters
            // used in turn: an increment then does not wait for the previous one's store to the same counter.
            Unsafe.Add(ref cell0, (nint)(uint)((((LocalFacts.Combo(f) << 2) | (int)states[slot]) * Copies) | (slot & (Copies - 1))))++;
        }

        if (facts.Length - unknown <= cells)
        {
            for (var slot = 0; slot < facts.Length; slot++)
            {
                var f = facts[slot];
                if (f < 0) continue;
                var key = (LocalFacts.Combo(f) << 2) | (int)states[slot];
                var n = Take(histogram, key);
                if (n == 0) continue;
                counts.Count(combos[key >> 2], (ImpactState)(key & 3), n, environments);
            }
        }
        else
        {
            for (var key = 0; key < cells; key++)
            {
                var n = Take(histogram, key);
                if (n == 0) continue;
                counts.Count(combos[key >> 2], (ImpactState)(key & 3), n, environments);
            }
        }

        for (var slot = 0; unknown > 0 && slot < facts.Length; slot++)
        {
            if (facts[slot] >= 0) continue;
            unknown--;
            var (classIndex, environment, criticality) = FactsOf(graph, seq, s.NodeOf(slot), ImpactEngine.NoInfo);
            counts.Count(classIndex, environment, criticality, states[slot], 1, environments);
        }

        return counts;
    }

    /// <summary>Counters per histogram cell (see FromWalk); a power of two.</summary>
    private const int Copies = 4;

    /// <summary>A cell's count, its counters cleared (the histogram stays all zero between runs).</summary>
    private static int Take(int[] histogram, int key)
    {
        var cell = histogram.AsSpan(key * Copies, Copies);
        var n = cell[0] + cell[1] + cell[2] + cell[3];
        if (n != 0) cell.Clear();
        return n;
    }

    private void Count(long info, ImpactState state, int n, bool[]? environments) =>
        Count(PackedFacts.ClassIndex(info), PackedFacts.EnvironmentIndex(info), PackedFacts.Criticality(info), state, n, environments);

    /// <summary><paramref name="n"/> CIs of one class, environment, criticality and state (the services counted, not listed).</summary>
    private void Count(int classIndex, int environment, int criticality, ImpactState state, int n, bool[]? environments)
    {
        if (environments is not null && !((uint)environment < (uint)environments.Length && environments[environment])) return;
        Total += n;
        ByState[(int)state] += n;
        ByClass[classIndex] += n;
        if ((uint)environment < SmallCounts) SmallEnvironments[environment] += n;
        else CountLarge(ref _largeEnvironments, environment, n);
        if ((uint)criticality < SmallCounts) SmallCriticalities[criticality] += n;
        else CountLarge(ref _largeCriticalities, criticality, n);
        ServiceCount += _isService[classIndex] * n;
    }
}
