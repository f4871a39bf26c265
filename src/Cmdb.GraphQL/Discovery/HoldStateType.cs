using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class HoldStateType : EnumerationGraphType<HoldState>
{
    public HoldStateType()
    {
        Name = "HoldState";
        Description = "A held run's decision: PENDING (waiting for an admin), APPROVED (retirements carried out) or REJECTED (nothing retired).";
    }
}
