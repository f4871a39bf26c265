using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>An edge of <see cref="CiConnectionType"/>.</summary>
public sealed class CiEdgeType : ObjectGraphType<CiEdge>
{
    public CiEdgeType()
    {
        Name = "CiEdge";
        Description = "A configuration item in a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this item.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ConfigurationItemType>>("node").Description("The configuration item.").Resolve(c => c.Source.Node);
    }
}
