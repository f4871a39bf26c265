using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeStateType : EnumerationGraphType<ChangeState>
{
    public ChangeStateType()
    {
        Name = "ChangeState";
        Description = "Where a change is in its lifecycle. Only legal transitions are accepted; COMPLETED, FAILED, ROLLED_BACK and CANCELLED are final.";
    }
}
