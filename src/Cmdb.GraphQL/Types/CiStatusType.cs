using Cmdb.Domain.Items;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>Lifecycle status of a CI.</summary>
public sealed class CiStatusType : EnumerationGraphType<CiStatus>
{
    public CiStatusType()
    {
        Name = "CiStatus";
        Description = "Lifecycle status of a configuration item. Retired CIs are kept, with their relationships.";
    }
}
