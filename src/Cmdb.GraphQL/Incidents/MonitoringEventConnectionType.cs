using Cmdb.Domain.Events;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

/// <summary>A Relay connection of monitoring events.</summary>
public sealed class MonitoringEventConnectionType : ObjectGraphType<Page<MonitoringEvent>>
{
    public MonitoringEventConnectionType()
    {
        Name = "MonitoringEventConnection";
        Description = "A page of monitoring events, newest first.";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many events match, over all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MonitoringEventEdgeType>>>>("edges").Description("The events of this page.").Resolve(c => c.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MonitoringEventType>>>>("nodes").Description("The events of this page, without cursors.")
            .Resolve(c => c.Source.Items.Select(i => i.Node));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Paging state.").Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.EndCursor));
    }
}
