using System.Text.Json.Nodes;
using Cmdb.Domain.Events;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class MonitoringEventType : ObjectGraphType<MonitoringEvent>
{
    public MonitoringEventType()
    {
        Name = "MonitoringEvent";
        Description = "One occurrence of a monitoring alert, kept up to date by re-sends (same source, fingerprint and start).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The event id (a ULID).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("fingerprint").Description("The sender's fingerprint of the label set.").Resolve(c => c.Source.Fingerprint);
        Field<NonNullGraphType<StringGraphType>>("source").Description("Who sent it, e.g. alertmanager.").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The alert name (label alertname).").Resolve(c => c.Source.Name);
        Field<StringGraphType>("severity").Description("The sender's severity (label severity), as sent.").Resolve(c => c.Source.Severity);
        Field<NonNullGraphType<EventStatusType>>("status").Description("FIRING or RESOLVED.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<JsonGraphType>>("labels").Description("The labels, as a JSON object.").Resolve(c => ToJson(c.Source.Labels));
        Field<NonNullGraphType<JsonGraphType>>("annotations").Description("The annotations (summary, description, runbook...).").Resolve(c => ToJson(c.Source.Annotations));
        Field<NonNullGraphType<DateTimeType>>("startsAt").Description("When it started firing.").Resolve(c => c.Source.StartsAt);
        Field<DateTimeType>("endsAt").Description("When it resolved; null while firing.").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<DateTimeType>>("lastReceivedAt").Description("When it was last reported.").Resolve(c => c.Source.LastReceivedAt);
        Field<IdGraphType>("ciId").Description("The CI it maps to; null when unmapped.").Resolve(c => c.Source.CiId);
        Field<ConfigurationItemType>("ci").Description("The CI it maps to, now.")
            .Resolve(c => c.Source.CiId is null ? null : c.CiLoader().Load(new CiKey(c.Source.CiId, null)).Then(ci => ci is null ? null : new CiNode(ci, null)));
        Field<StringGraphType>("mappedBy").Description("What mapped it: ciId, or the label rule, e.g. label:instance->fqdn (port stripped).").Resolve(c => c.Source.MappedBy);
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, string> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map) o[k] = v;
        return o;
    }
}
