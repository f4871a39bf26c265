using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeTypeType : EnumerationGraphType<ChangeType>
{
    public ChangeTypeType()
    {
        Name = "ChangeType";
        Description = "The ITIL 4 change type: STANDARD (pre-authorised procedure), NORMAL (assessed case by case) or EMERGENCY.";
    }
}
