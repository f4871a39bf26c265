using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class TopologyEditKindType : EnumerationGraphType<TopologyEditKind>
{
    public TopologyEditKindType()
    {
        Name = "TopologyEditKind";
        Description = "What a declared topology edit does.";
    }
}
