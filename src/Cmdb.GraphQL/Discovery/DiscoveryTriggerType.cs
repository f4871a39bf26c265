using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryTriggerType : EnumerationGraphType<DiscoveryTrigger>
{
    public DiscoveryTriggerType()
    {
        Name = "DiscoveryTrigger";
        Description = "What started a discovery run: its SCHEDULE, a MANUAL trigger, or a RETRY of a transient failure.";
    }
}
