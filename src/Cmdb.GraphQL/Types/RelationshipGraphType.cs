using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

/// <summary>A typed, directed relationship between two CIs.</summary>
public sealed class RelationshipGraphType : ObjectGraphType<RelationshipNode>
{
    public RelationshipGraphType(ICmdbStore store)
    {
        Name = "Relationship";
        Description = "A typed, directed relationship from a source CI to a target CI.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable opaque id.").Resolve(c => c.Source.Relationship.Id);
        Field<NonNullGraphType<StringGraphType>>("type").Description("Its relationship type, e.g. DEPENDS_ON.").Resolve(c => c.Source.Relationship.Type);
        Field<NonNullGraphType<StringGraphType>>("wording")
            .Description("The type's wording from the source, e.g. 'depends on'.")
            .Resolve(c => store.Model.TryGetRelationshipType(c.Source.Relationship.Type, out var t) ? t.Forward : c.Source.Relationship.Type);
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("source")
            .Description("The CI it starts at, read at the same moment.")
            .Resolve(c => Endpoint(c.CiLoader(), c.Source.Relationship.SourceId, c.Source.AsOf));
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("target")
            .Description("The CI it ends at, read at the same moment.")
            .Resolve(c => Endpoint(c.CiLoader(), c.Source.Relationship.TargetId, c.Source.AsOf));
        Field<NonNullGraphType<JsonGraphType>>("attributes").Description("Free attributes (e.g. a port).").Resolve(c => c.Source.Relationship.Attributes);
        Field<NonNullGraphType<DateTimeType>>("validFrom").Description("When it came into existence.").Resolve(c => c.Source.Relationship.ValidFrom);
        Field<DateTimeType>("validTo").Description("When it was removed; null while it exists.").Resolve(c => c.Source.Relationship.ValidTo);
        Field<NonNullGraphType<StringGraphType>>("createdBy").Description("The writer that created it.").Resolve(c => c.Source.Relationship.CreatedBy);
    }

    private static IDataLoaderResult<CiNode?> Endpoint(CiLoader loader, string id, DateTimeOffset? asOf) =>
        loader.Load(new CiKey(id, asOf)).Then(ci => ci is null ? null : new CiNode(ci, asOf));
}
