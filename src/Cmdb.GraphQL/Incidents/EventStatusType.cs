using Cmdb.Domain.Events;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class EventStatusType : EnumerationGraphType<EventStatus>
{
    public EventStatusType()
    {
        Name = "EventStatus";
        Description = "FIRING while the monitored condition holds, RESOLVED once it has cleared.";
    }
}
