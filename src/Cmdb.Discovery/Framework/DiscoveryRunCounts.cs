namespace Cmdb.Discovery.Framework;

/// <summary>What one run did, in numbers.</summary>
public sealed record DiscoveryRunCounts(
    int Discovered,
    int Created,
    int Updated,
    int Unchanged,
    int Stale,
    int Retired,
    int Conflicts,
    int Errors)
{
    public static readonly DiscoveryRunCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0);
}
