using Cmdb.Domain.Incidents;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class IncidentType : ObjectGraphType<Incident>
{
    public IncidentType()
    {
        Name = "Incident";
        Description = "An incident: what broke, where it showed (symptoms), and once known, why (the root-cause CI).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The incident id (a ULID).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("A short title.").Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Description("What is seen.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<IncidentSeverityType>>("severity").Description("SEV1 (worst) to SEV4.").Resolve(c => c.Source.Severity);
        Field<NonNullGraphType<IncidentStateType>>("state").Description("Where it is in its lifecycle.").Resolve(c => c.Source.State);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentStateType>>>>("nextStates")
            .Description("The states updateIncidentState may move it to (RESOLVED only through resolveIncident).")
            .Resolve(c => IncidentStateMachine.Next(c.Source.State).Where(s => s != IncidentState.Resolved));
        Field<NonNullGraphType<DateTimeType>>("startedAt").Description("When the trouble started.").Resolve(c => c.Source.StartedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IncidentSymptomType>>>>("symptoms")
            .Description("The symptomatic CIs, in the order they were added.").Resolve(c => c.Source.Symptoms);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("symptomCiIds").Description("The ids of the symptomatic CIs.").Resolve(c => c.Source.SymptomCiIds);
        Field<StringGraphType>("resolution").Description("How it was resolved; null until resolved.").Resolve(c => c.Source.Resolution);
        Field<IdGraphType>("rootCauseCiId").Description("The CI recorded as its root cause; null while unknown.").Resolve(c => c.Source.RootCauseCiId);
        Field<ConfigurationItemType>("rootCause").Description("The root-cause CI now.")
            .Resolve(c => c.Source.RootCauseCiId is null
                ? null
                : c.CiLoader().Load(new CiKey(c.Source.RootCauseCiId, null)).Then(ci => ci is null ? null : new CiNode(ci, null)));
        Field<DateTimeType>("resolvedAt").Description("When it was resolved.").Resolve(c => c.Source.ResolvedAt);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When it was recorded.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When it last changed.").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Pass it as expectedVersion to updateIncidentState.").Resolve(c => c.Source.Version);
    }
}
