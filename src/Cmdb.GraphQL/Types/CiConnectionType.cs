using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>A Relay connection of CIs.</summary>
public sealed class CiConnectionType : ObjectGraphType<CiConnection>
{
    public CiConnectionType()
    {
        Name = "CiConnection";
        Description = "A page of configuration items, ordered by id.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many CIs match, over all pages.").Resolve(c => c.Source.Page.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CiEdgeType>>>>("edges")
            .Description("The CIs of this page, each with its cursor.")
            .Resolve(c => c.Source.Page.Items.Select(i => new CiEdge(i.Cursor, new CiNode(i.Node, c.Source.AsOf))));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging state.")
            .Resolve(c => new PageInfo(c.Source.Page.HasNextPage, c.Source.Page.EndCursor));
    }
}
