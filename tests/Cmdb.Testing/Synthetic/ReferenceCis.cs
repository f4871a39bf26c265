namespace Cmdb.Testing.Synthetic;

/// <summary>A CI the benchmarks start from, with the size of its plain impact closure (itself included).</summary>
public readonly record struct ReferenceCi(string Role, int Index, int ReachSize);

/// <summary>
/// The four reference CIs of an estate: the core switch, the most shared database, a typical hypervisor (median reach
/// of a sample) and a typical mid-tier application (median reach of a sample of tier-2 applications).
/// </summary>
public sealed record ReferenceCis(ReferenceCi CoreSwitch, ReferenceCi SharedDatabase, ReferenceCi Hypervisor, ReferenceCi MidTierApplication)
{
    public IReadOnlyList<ReferenceCi> All => [CoreSwitch, SharedDatabase, Hypervisor, MidTierApplication];
}
