using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Scheduling;

namespace Cmdb.GraphQL.Discovery;

/// <summary>A configured source with its schedule state and latest run, read together for one response.</summary>
public sealed record DiscoverySourceNode(DiscoverySourceInfo Info, DiscoverySchedule Schedule, DiscoveryRun? LastRun);
