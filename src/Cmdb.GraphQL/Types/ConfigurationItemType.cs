using Cmdb.GraphQL.DataLoaders;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>A configuration item. Nested reads use the moment the CI was read at.</summary>
public sealed partial class ConfigurationItemType : ObjectGraphType<CiNode>
{
    public ConfigurationItemType(Cmdb.Domain.Storage.ICmdbStore store, Microsoft.Extensions.Options.IOptions<CmdbGraphQLOptions> options)
    {
        Name = "ConfigurationItem";
        Description = "A configuration item (CI): anything that must be managed to deliver a service.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable opaque id (a ULID).").Resolve(c => c.Source.Ci.Id);
        Field<NonNullGraphType<StringGraphType>>("class").Description("Its class in the model, e.g. LinuxServer.").Resolve(c => c.Source.Ci.Class);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Display name.").Resolve(c => c.Source.Ci.Name);
        Field<NonNullGraphType<CiStatusType>>("status").Description("Lifecycle status.").Resolve(c => c.Source.Ci.Status);
        Field<StringGraphType>("environment").Description("production, staging, ...").Resolve(c => c.Source.Ci.Environment);
        Field<IntGraphType>("criticality").Description("1 (most critical) to 4; null when unknown.").Resolve(c => c.Source.Ci.Criticality);
        Field<StringGraphType>("owner").Description("Accountable owner.").Resolve(c => c.Source.Ci.Owner);
        Field<StringGraphType>("supportGroup").Description("Who is called when it breaks.").Resolve(c => c.Source.Ci.SupportGroup);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Description("Free labels, sorted.").Resolve(c => c.Source.Ci.Tags);
        Field<NonNullGraphType<JsonGraphType>>("attributes").Description("Free attributes as a JSON object.").Resolve(c => c.Source.Ci.Attributes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdentifierType>>>>("identifiers")
            .Description("Identifiers (scheme and value) discovery matches on; each pair is unique across the store.")
            .Resolve(c => c.Source.Ci.Identifiers.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
        Field<IntGraphType>("minHealthy").Description("For a redundancy group: how many members it needs up; null when not a group.").Resolve(c => c.Source.Ci.MinHealthy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProvenanceType>>>>("provenance")
            .Description("Who last set each field or attribute, and when.")
            .Resolve(c => c.Source.Ci.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceSightingType>>>>("sources")
            .Description("The discovery sources that reported it, with when each first and last saw it (current, whatever asOf says).")
            .Resolve(c => c.Service<CiSourcesLoader>().Load(c.Source.Ci.Id).Then(list => list ?? c.Source.Ci.Sources));
        Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When it was first stored.").Resolve(c => c.Source.Ci.CreatedAt);
        Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When this version was stored.").Resolve(c => c.Source.Ci.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Increases with each change; pass it as expectedVersion to updateCi.").Resolve(c => c.Source.Ci.Version);
        Field<DateTimeType>("asOf").Description("The moment this CI was read at; null when read as of now.").Resolve(c => c.Source.AsOf);
        AddGraphFields(store, options.Value);
        AddImpactFields(store);
        AddIncidentFields();
    }
}
