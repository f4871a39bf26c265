using Cmdb.Domain.Events;
using Cmdb.Domain.Incidents;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Incidents;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

public sealed partial class ConfigurationItemType
{
    private void AddIncidentFields()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MonitoringEventType>>>>("events")
            .Description("Monitoring events mapped to this CI, newest start first (at most 200); firing: true keeps only those still firing.")
            .Argument<BooleanGraphType>("firing", "Only events still firing.", a => a.DefaultValue = false)
            .Resolve(c => c.Service<CiEventsLoader>().Load((c.Source.Ci.Id, c.GetArgument("firing", false)))
                .Then(list => list ?? (IReadOnlyList<MonitoringEvent>)[]));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentType>>>>("incidents")
            .Description("Incidents that list this CI as a symptom or root cause, newest first (at most 100).")
            .Resolve(c => c.Service<CiIncidentsLoader>().Load(c.Source.Ci.Id).Then(list => list ?? (IReadOnlyList<Incident>)[]));
    }
}
