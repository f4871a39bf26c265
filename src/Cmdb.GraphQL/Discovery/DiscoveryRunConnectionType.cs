using Cmdb.Discovery.Framework;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class DiscoveryRunConnectionType : ObjectGraphType<Page<DiscoveryRun>>
{
    public DiscoveryRunConnectionType()
    {
        Name = "DiscoveryRunConnection";
        Description = "A page of runs, newest first.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many there are, over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiscoveryRunEdgeType>>>>("edges")
            .Description("This page, each with its cursor.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging state.")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
    }
}
