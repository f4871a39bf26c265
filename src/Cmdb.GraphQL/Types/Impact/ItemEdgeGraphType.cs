using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>The edge shape shared by impact and dependency connections.</summary>
public abstract class ItemEdgeGraphType<TNode, TNodeType> : ObjectGraphType<ItemEdge<TNode>>
    where TNodeType : IGraphType
{
    protected ItemEdgeGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this item.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item.").Resolve(c => c.Source.Node);
    }
}
