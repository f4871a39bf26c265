namespace Cmdb.Domain.Graph;

/// <summary>
/// What an impact walk reads of a CI, in one int per local node of the <see cref="PropagationRows"/> (4 MB at 1M CIs,
/// read in the rows' order instead of one cache miss per CI in public order): class (8 bits), environment (7),
/// criticality (4), minHealthy (11) and a retired bit. <see cref="Unknown"/> (any negative value) sends the walk to the
/// full facts: values that do not fit, a state newer than the rows' compaction, or one the writer changed since
/// (see <see cref="Adjacency.FactsChanged"/>).
/// </summary>
internal static class LocalFacts
{
    public const int Unknown = -1;

    private const int RetiredBit = 1 << 30;

    /// <summary>The compact copy of the node's packed facts when they hold since <paramref name="validFrom"/> or earlier and fit; else <see cref="Unknown"/>.</summary>
    public static int Of(long[] facts, int node, int validFrom)
    {
        if (2 * node + 1 >= facts.Length) return Unknown;
        var first = Volatile.Read(ref facts[2 * node]);
        var info = Volatile.Read(ref facts[(2 * node) + 1]);
        if (!PackedFacts.IsState(first) || PackedFacts.Since(first) > validFrom || Volatile.Read(ref facts[2 * node]) != first) return Unknown;
        int classIndex = PackedFacts.ClassIndex(info), environment = PackedFacts.EnvironmentIndex(info), criticality = PackedFacts.Criticality(info);
        var minHealthy = PackedFacts.MinHealthy(first);
        if ((uint)classIndex > 0xFF || (uint)environment > 0x7F || (uint)criticality > 0xF || (uint)minHealthy > 0x7FF) return Unknown;
        return classIndex | (environment << 8) | (criticality << 15) | (minHealthy << 19) | (PackedFacts.IsRetired(first) ? RetiredBit : 0);
    }

    public static bool IsRetired(int local) => (local & RetiredBit) != 0;

    public static int MinHealthy(int local) => (local >> 19) & 0x7FF;

    /// <summary>Class, environment and criticality laid out as <see cref="PackedFacts"/>' second long.</summary>
    public static long Info(int local) => (long)(uint)(local & 0xFF) | ((long)((local >> 8) & 0x7F) << 16) | ((long)((local >> 15) & 0xF) << 32);
}
