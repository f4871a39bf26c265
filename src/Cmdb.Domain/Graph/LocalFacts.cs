namespace Cmdb.Domain.Graph;

/// <summary>
/// What an impact walk reads of a CI, in one int per local node of the <see cref="PropagationRows"/> (4 MB at 1M CIs,
/// read in the rows' order instead of one cache miss per CI in public order): the CI's <em>combination</em> of class,
/// environment and criticality as an index into <see cref="PropagationRows.Combos"/> (16 bits), minHealthy (12) and a
/// retired bit. One index for the three summary keys lets the summary count each reached CI with one increment
/// (see ImpactCounts). <see cref="Unknown"/> (any negative value) sends the walk to the full facts: values that do not
/// fit, a state newer than the rows' compaction, or one the writer changed since (see <see cref="Adjacency.FactsChanged"/>).
/// </summary>
internal static class LocalFacts
{
    public const int Unknown = -1;

    /// <summary>Set in every <see cref="Unknown"/> value (the sign bit).</summary>
    public const int UnknownBit = int.MinValue;

    public const int RetiredBit = 1 << 30;

    /// <summary>Combinations are numbered below this; more distinct ones than that leave the rest unknown.</summary>
    public const int MaxCombos = 0xFFFF;

    private const int MaxMinHealthy = 0xFFF;

    /// <summary>
    /// The compact copy of the node's packed facts when they hold since <paramref name="validFrom"/> or earlier and fit;
    /// else <see cref="Unknown"/>. <paramref name="combos"/> numbers each distinct (class, environment, criticality),
    /// keyed by the packed facts' second long.
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

        return combo | (minHealthy << 16) | (PackedFacts.IsRetired(first) ? RetiredBit : 0);
    }

    public static bool IsRetired(int local) => (local & RetiredBit) != 0;

    public static int MinHealthy(int local) => (local >> 16) & MaxMinHealthy;

    /// <summary>The index into <see cref="PropagationRows.Combos"/> of a known value.</summary>
    public static int Combo(int local) => local & MaxCombos;
}
