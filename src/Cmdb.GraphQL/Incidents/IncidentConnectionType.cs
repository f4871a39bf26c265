using Cmdb.Domain.Incidents;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

/// <summary>A Relay connection of incidents.</summary>
public sealed class IncidentConnectionType : ObjectGraphType<Page<Incident>>
{
    public IncidentConnectionType()
    {
        Name = "IncidentConnection";
        Description = "A page of incidents, newest first.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many incidents match, over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentEdgeType>>>>("edges").Description("The incidents of this page.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentType>>>>("nodes").Description("The incidents of this page, without cursors.")
            .Resolve(c => c.Source.Items.Select(i => i.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging state.").Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
    }
}
