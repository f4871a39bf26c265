using Cmdb.Domain.Problems;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

/// <summary>A page of problems (nodes only: problems are few).</summary>
public sealed class ProblemConnectionType : ObjectGraphType<Page<Problem>>
{
    public ProblemConnectionType()
    {
        Name = "ProblemConnection";
        Description = "A page of problems, newest first.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many problems match, over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProblemType>>>>("nodes").Description("The problems of this page.")
            .Resolve(c => c.Source.Items.Select(i => i.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging state; endCursor continues after the last node.")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
    }
}
