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
        if (s.Histogram.Length < cells) s.Histogram = new int[cells];
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

            // In range by construction: a known fact's combination is below combos.Length, a state below 4.
            Unsafe.Add(ref cell0, (nint)(uint)((LocalFacts.Combo(f) << 2) | (int)states[slot]))++;
        }

        if (facts.Length - unknown <= cells)
        {
            for (var slot = 0; slot < facts.Length; slot++)
            {
                var f = facts[slot];
                if (f < 0) continue;
                var key = (LocalFacts.Combo(f) << 2) | (int)states[slot];
                var n = histogram[key];
                if (n == 0) continue;
                histogram[key] = 0;
                counts.Count(combos[key >> 2], (ImpactState)(key & 3), n, environments);
            }
        }
        else
        {
            for (var key = 0; key < cells; key++)
            {
                var n = histogram[key];
                if (n == 0) continue;
                histogram[key] = 0;
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
