using Cmdb.Discovery.Scheduling;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryScheduleStateType : EnumerationGraphType<DiscoveryScheduleState>
{
    public DiscoveryScheduleStateType()
    {
        Name = "DiscoveryScheduleState";
        Description = "SCHEDULED (runs on its schedule), PAUSED (an admin paused it; manual runs still work) or DISABLED "
            + "(disabled or unscheduled in configuration, or the scheduler is switched off).";
    }
}
