using Cmdb.Domain.Relationships;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>Which relationships of a CI to follow.</summary>
public sealed class DirectionType : EnumerationGraphType<Direction>
{
    public DirectionType()
    {
        Name = "Direction";
        Description = "Which relationships of a CI to follow: those it starts (OUTGOING), ends (INCOMING), or BOTH.";
    }
}
