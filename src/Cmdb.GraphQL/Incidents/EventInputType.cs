using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class EventInputType : InputObjectGraphType<EventInputModel>
{
    public EventInputType()
    {
        Name = "EventInput";
        Description = "One monitoring alert as a sender reports it. It maps to a CI by ciId, else by the configured label rules (Cmdb:Events:LabelRules).";
        Field<StringGraphType>("source").Description("Who sends it (default graphql), e.g. alertmanager, zabbix.").DefaultValue("graphql");
        Field<NonNullGraphType<EventStatusType>>("status").Description("FIRING or RESOLVED.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LabelInputType>>>>("labels").Description("The labels (at least one; alertname names the event).");
        Field<ListGraphType<NonNullGraphType<LabelInputType>>>("annotations").Description("Annotations: summary, description, runbook_url...");
        Field<DateTimeType>("startsAt").Description("When it started firing; defaults to now.");
        Field<DateTimeType>("endsAt").Description("When it resolved (for RESOLVED; defaults to when it is received).");
        Field<StringGraphType>("fingerprint").Description("The sender's id for the label set; derived from source and labels when absent.");
        Field<StringGraphType>("name").Description("The event name; defaults to the alertname label.");
        Field<StringGraphType>("severity").Description("The sender's severity; defaults to the severity label.");
        Field<IdGraphType>("ciId").Description("The CI it is about, when the sender knows it (must exist).");
    }
}
