using Cmdb.Domain.Model;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Model;

/// <summary>How trouble travels along a relationship type.</summary>
public sealed class PropagationType : EnumerationGraphType<Propagation>
{
    public PropagationType()
    {
        Name = "Propagation";
        Description = "How trouble travels along a relationship type, relative to its source and target.";
    }
}
