using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>The Relay connection shape shared by impact and dependency items.</summary>
public abstract class ItemConnectionGraphType<TNode, TEdgeType> : ObjectGraphType<ItemPage<TNode>>
    where TEdgeType : IGraphType
{
    protected ItemConnectionGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many items the whole list has, over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeType>>>>("edges").Description("The items of this page, each with its cursor.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging state.").Resolve(c => c.Source.PageInfo);
    }
}
