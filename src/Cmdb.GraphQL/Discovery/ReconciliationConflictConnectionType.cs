using Cmdb.Discovery.Framework;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class ReconciliationConflictConnectionType : ObjectGraphType<Page<ReconciliationConflict>>
{
    public ReconciliationConflictConnectionType()
    {
        Name = "ReconciliationConflictConnection";
        Description = "A page of reconciliation conflicts, newest first.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many there are, over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReconciliationConflictEdgeType>>>>("edges")
            .Description("This page, each with its cursor.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging state.")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
    }
}
