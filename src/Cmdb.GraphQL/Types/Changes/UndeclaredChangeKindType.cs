using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class UndeclaredChangeKindType : EnumerationGraphType<UndeclaredChangeKind>
{
    public UndeclaredChangeKindType()
    {
        Name = "UndeclaredChangeKind";
        Description = "What was observed in a change's blast radius without being declared.";
    }
}
