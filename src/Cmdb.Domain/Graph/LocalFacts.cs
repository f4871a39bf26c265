namespace Cmdb.Domain.Graph;

/// <summary>
/// What an impact walk reads of a CI, in one int per local node of the <see cref="PropagationRows"/> (4 MB at 1M CIs,
/// read in the rows' order instead of one cache miss per CI in public order): the CI's <em>combination</em> of class,
/// environment and criticality as an index into <see cref="PropagationRows.Combos"/> (14 bits), minHealthy (6), the
/// number of its redundant alternatives when the rows can give it without reading them (8, see
/// <see cref="Alternatives"/>) and a retired bit. One index for the three summary keys lets the summary count each
/// reached CI with one increment (see ImpactCounts). <see cref="Unknown"/> (any negative value) sends the walk to the
/// full facts: values that do not fit, a state newer than the rows' compaction, or one the writer changed since (see
/// <see cref="Adjacency.FactsChanged"/>).
/// </summary>
internal static class LocalFacts
{
    public const int Unknown = -1;

    /// <summary>Set in every <see cref="Unknown"/> value (the sign bit).</summary>
    public const int UnknownBit = int.MinValue;

    public const int RetiredBit = 1 << 30;

    /// <summary>Combinations are numbered below this; more distinct ones than that leave the rest unknown.</summary>
    public const int MaxCombos = 0x3FFF;

    /// <summary>Larger minHealthy values (rare: groups of more than 63 members) leave the CI unknown.</summary>
    private const int MaxMinHealthy = 0x3F;

    private const int MinHealthyShift = 14;
    private const int AlternativesShift = 20;
    private const int AlternativesMask = 0xFF;

    /// <summary>
    /// The compact copy of the node's packed facts when they hold since <paramref name="validFrom"/> or earlier and fit;
    /// else <see cref="Unknown"/>. <paramref name="combos"/> numbers each distinct (class, environment, criticality),
    /// keyed by the packed facts' second long. No alternatives yet (see <see cref="WithAlternatives"/>).
    /// </summary>
    public static int Of(long[] facts, int node, int validFrom, Dictionary<long, int> combos)
    {
        if (2 * node + 1 >= facts.Length) return Unknown;
        var first = Volatile.Read(ref facts[2 * node]);
        var info = Volatile.Read(ref facts[(2 * node) + 1]);
        if (!PackedFacts.IsState(first) || PackedFacts.Since(first) > validFrom || Volatile.Read(ref facts[2 * node]) != first) return Unknown;
        var minHealthy = PackedFacts.MinHealthy(first);
        if ((uint)minHealthy > MaxMinHealthy) return Unknown;
        if (!combos.TryGetValue(info, out var combo))
        {
            if (combos.Count >= MaxCombos) return Unknown;
            combo = combos.Count;
            combos.Add(info, combo);
        }

        return combo | (minHealthy << MinHealthyShift) | (PackedFacts.IsRetired(first) ? RetiredBit : 0);
    }

    /// <summary>
    /// A known value that also says the CI has <paramref name="count"/> redundant alternatives, all of which take part
    /// at any commit the rows serve while no CI's facts changed since they were built (see
    /// <see cref="PropagationRows.AllAlternativesTakePart"/>); counts that do not fit leave it as it was.
    /// </summary>
    public static int WithAlternatives(int local, int count) =>
        local >= 0 && (uint)count < AlternativesMask ? (local & ~(AlternativesMask << AlternativesShift)) | ((count + 1) << AlternativesShift) : local;

    /// <summary>The alternatives recorded by <see cref="WithAlternatives"/>, or -1 when none were.</summary>
    public static int Alternatives(int local) => ((local >> AlternativesShift) & AlternativesMask) - 1;

    public static bool IsRetired(int local) => (local & RetiredBit) != 0;

    public static int MinHealthy(int local) => (local >> MinHealthyShift) & MaxMinHealthy;

    /// <summary>The index into <see cref="PropagationRows.Combos"/> of a known value.</summary>
    public static int Combo(int local) => local & MaxCombos;
}
