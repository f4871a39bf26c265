namespace Cmdb.Discovery.Framework;

/// <summary>What started a run.</summary>
public enum DiscoveryTrigger
{
    Schedule,
    Manual,
    Retry,
}
