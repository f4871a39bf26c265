using Cmdb.Domain.History;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>A Relay connection of audit entries.</summary>
public sealed class AuditEntryConnectionType : ObjectGraphType<Page<AuditEntry>>
{
    public AuditEntryConnectionType()
    {
        Name = "AuditEntryConnection";
        Description = "A page of audit entries, newest first.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many entries there are, over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryEdgeType>>>>("edges")
            .Description("The entries of this page, each with its cursor.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging state.")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
    }
}
