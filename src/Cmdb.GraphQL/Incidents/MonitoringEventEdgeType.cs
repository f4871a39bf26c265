using Cmdb.Domain.Events;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

/// <summary>An edge of <see cref="MonitoringEventConnectionType"/>.</summary>
public sealed class MonitoringEventEdgeType : ObjectGraphType<PageItem<MonitoringEvent>>
{
    public MonitoringEventEdgeType()
    {
        Name = "MonitoringEventEdge";
        Description = "A monitoring event in a page, with its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Pass as `after` to continue after this event.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<MonitoringEventType>>("node").Description("The event.").Resolve(c => c.Source.Node);
    }
}
