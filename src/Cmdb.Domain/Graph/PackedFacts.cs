using Cmdb.Domain.Items;

namespace Cmdb.Domain.Graph;

/// <summary>
/// A CI's current state in two longs per node (slots 2n and 2n+1 of one array, so they share a cache line and an
/// array reference). The first holds what traversals test: the commit the state holds since, plus one (low 32 bits;
/// 0 = no such node yet), minHealthy (24 bits), the status (4 bits) and a retired bit. The second holds what
/// summaries count: class (16 bits), environment (16 bits) and criticality (32 bits). Only older states are kept as
/// <see cref="NodeState"/> objects; a state whose values do not fit is kept whole as an object (<see cref="Overflow"/>).
/// </summary>
/// <remarks>
/// The writer first sets the first long to <see cref="Busy"/>, then the history, the second long, and the first, so a
/// reader that reads the first long, the rest, and the first again and sees the same value has a consistent view.
/// </remarks>
internal static class PackedFacts
{
    public const long RetiredBit = 1L << 62;
    public const long Busy = int.MaxValue;
    public const long Overflow = int.MaxValue - 1;
    private const int MaxMinHealthy = (1 << 24) - 1;

    /// <summary>The packed pair, or false when a value does not fit (the state is then kept as an object).</summary>
    public static bool TryPack(NodeState state, out long first, out long info)
    {
        first = Overflow;
        info = 0;
        if (state.MinHealthy is < 0 or > MaxMinHealthy || (uint)state.Status > 15 || state.SinceSeq is < 0 or >= (int)Overflow - 1
            || state.ClassIndex is < 0 or > ushort.MaxValue || state.EnvironmentIndex is < 0 or > ushort.MaxValue)
        {
            return false;
        }

        first = (uint)(state.SinceSeq + 1) | ((long)state.MinHealthy << 32) | ((long)state.Status << 56) | (state.IsRetired ? RetiredBit : 0);
        info = (uint)state.ClassIndex | ((long)state.EnvironmentIndex << 16) | ((long)state.Criticality << 32);
        return true;
    }

    public static NodeState Unpack(long first, long info) =>
        new(ClassIndex(info), (CiStatus)((first >> 56) & 15), EnvironmentIndex(info), Criticality(info), MinHealthy(first), Since(first));

    /// <summary>True for a real packed state (not a new slot, a write in flight or an overflow).</summary>
    public static bool IsState(long first) => first != 0 && first != Busy && first != Overflow;

    public static int ClassIndex(long info) => (int)(info & 0xFFFF);

    public static int EnvironmentIndex(long info) => (int)((info >> 16) & 0xFFFF);

    public static int Criticality(long info) => (int)(info >> 32);

    /// <summary>The commit the state holds since; above every real commit for the sentinels, so they take the slow path.</summary>
    public static int Since(long first) => IsState(first) ? (int)first - 1 : int.MaxValue;

    public static int MinHealthy(long first) => (int)((first >> 32) & MaxMinHealthy);

    public static bool IsRetired(long first) => (first & RetiredBit) != 0;
}
