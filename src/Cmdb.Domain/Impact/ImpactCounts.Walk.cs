using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
    /// every combination. Slots whose facts the walk read in full are counted one by one. Without an environment filter
    /// the states are counted apart and the slots by combination alone (<see cref="CountUnfiltered"/>).
    /// </remarks>
    public static ImpactCounts FromWalk(GraphIndex graph, int seq, TraversalScratch s, bool[]? environments)
    {
        var rows = s.Propagation!;
        var combos = rows.Combos;
        var counts = new ImpactCounts(graph.Model) { Services = null };
        var cells = combos.Length << 2;
        if (s.Histogram.Length < cells * Copies) s.Histogram = new int[cells * Copies];
        if (environments is null) return counts.CountUnfiltered(graph, seq, s, combos);
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

    /// <summary>
    /// <see cref="FromWalk"/> without an environment filter: then no total crosses the state with the facts, so the states
    /// are counted on their own (a vectorised count per state over the state bytes) and the slots by combination only
    /// (no state byte read per slot; the hypervisor's Impact + Summary −0.4 µs of ~25, same-process A/B).
    /// </summary>
    private ImpactCounts CountUnfiltered(GraphIndex graph, int seq, TraversalScratch s, long[] combos)
    {
        var facts = s.SlotFacts.AsSpan(0, s.Count);
        var states = MemoryMarshal.Cast<ImpactState, byte>(s.State.AsSpan(0, facts.Length));
        for (var state = 0; state < ByState.Length; state++) ByState[state] = states.Count((byte)state);
        var histogram = s.Histogram;
        var unknown = CountCombos(facts, histogram);

        if (facts.Length - unknown <= combos.Length)
        {
            foreach (var f in facts)
            {
                if (f >= 0 && Take(histogram, LocalFacts.Combo(f)) is var n && n != 0) CountFacts(combos[LocalFacts.Combo(f)], n);
            }
        }
        else
        {
            for (var combo = 0; combo < combos.Length; combo++)
            {
                if (Take(histogram, combo) is var n && n != 0) CountFacts(combos[combo], n);
            }
        }

        for (var slot = 0; unknown > 0 && slot < facts.Length; slot++)
        {
            if (facts[slot] >= 0) continue;
            unknown--;
            var (classIndex, environment, criticality) = FactsOf(graph, seq, s.NodeOf(slot), ImpactEngine.NoInfo);
            CountFacts(classIndex, environment, criticality, 1);
        }

        return this;
    }

    /// <summary>
    /// Adds each slot with known facts to its combination's cell of <paramref name="histogram"/> (Copies counters per
    /// cell, by slot, as in FromWalk); returns how many slots had unknown facts (not counted).
    /// </summary>
    /// <remarks>
    /// Eight slots at a time: their cell indexes are made in one vector (mask, shift, the copy by lane) and stored, then
    /// eight increments follow, with no test per slot; a block with an unknown fact (rare: a CI outside the compact
    /// facts) is counted slot by slot. The per-slot loop spent ~13 instructions on each increment (the hypervisor's
    /// 2,490 slots: ~1.8 µs).
    /// </remarks>
    internal static int CountCombos(ReadOnlySpan<int> facts, int[] histogram)
    {
        ref var cell0 = ref MemoryMarshal.GetArrayDataReference(histogram);
        ref var fact0 = ref MemoryMarshal.GetReference(facts);
        Span<int> cells = stackalloc int[Vector256<int>.Count];
        ref var k = ref MemoryMarshal.GetReference(cells);
        var copy = Vector256<int>.Indices & Vector256.Create(Copies - 1); // slot & (Copies - 1) in a block starting at a multiple of 8
        var unknown = 0;
        var slot = 0;
        for (; slot + Vector256<int>.Count <= facts.Length; slot += Vector256<int>.Count)
        {
            var f = Vector256.LoadUnsafe(ref fact0, (nuint)slot);
            if (Vector256.LessThanAny(f, Vector256<int>.Zero))
            {
                unknown += CountSlots(facts, histogram, slot, slot + Vector256<int>.Count);
                continue;
            }

            // In range by construction: a known fact's combination is below combos.Length.
            (((f & Vector256.Create(LocalFacts.MaxCombos)) << CopiesShift) | copy).StoreUnsafe(ref k);
            Unsafe.Add(ref cell0, (nint)(uint)k)++;
            Unsafe.Add(ref cell0, (nint)(uint)Unsafe.Add(ref k, 1))++;
            Unsafe.Add(ref cell0, (nint)(uint)Unsafe.Add(ref k, 2))++;
            Unsafe.Add(ref cell0, (nint)(uint)Unsafe.Add(ref k, 3))++;
            Unsafe.Add(ref cell0, (nint)(uint)Unsafe.Add(ref k, 4))++;
            Unsafe.Add(ref cell0, (nint)(uint)Unsafe.Add(ref k, 5))++;
            Unsafe.Add(ref cell0, (nint)(uint)Unsafe.Add(ref k, 6))++;
            Unsafe.Add(ref cell0, (nint)(uint)Unsafe.Add(ref k, 7))++;
        }

        return unknown + CountSlots(facts, histogram, slot, facts.Length);
    }

    /// <summary><see cref="CountCombos"/> for slots [<paramref name="from"/>, <paramref name="to"/>), one at a time.</summary>
    private static int CountSlots(ReadOnlySpan<int> facts, int[] histogram, int from, int to)
    {
        var unknown = 0;
        for (var slot = from; slot < to; slot++)
        {
            var f = facts[slot];
            if (f < 0) unknown++;
            else histogram[(LocalFacts.Combo(f) * Copies) | (slot & (Copies - 1))]++;
        }

        return unknown;
    }

    private void CountFacts(long info, int n) => CountFacts(PackedFacts.ClassIndex(info), PackedFacts.EnvironmentIndex(info), PackedFacts.Criticality(info), n);

    /// <summary><paramref name="n"/> CIs of one class, environment and criticality, their states counted apart.</summary>
    private void CountFacts(int classIndex, int environment, int criticality, int n)
    {
        Total += n;
        ByClass[classIndex] += n;
        if ((uint)environment < SmallCounts) SmallEnvironments[environment] += n;
        else CountLarge(ref _largeEnvironments, environment, n);
        if ((uint)criticality < SmallCounts) SmallCriticalities[criticality] += n;
        else CountLarge(ref _largeCriticalities, criticality, n);
        ServiceCount += _isService[classIndex] * n;
    }

    /// <summary>Counters per histogram cell (see FromWalk): 1 &lt;&lt; <see cref="CopiesShift"/>.</summary>
    private const int Copies = 1 << CopiesShift;

    private const int CopiesShift = 2;

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
