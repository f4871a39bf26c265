using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Queries;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types;

public sealed partial class ConfigurationItemType
{
    private void AddGraphFields(ICmdbStore store, CmdbGraphQLOptions options)
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipGraphType>>>, IDataLoaderResult<IEnumerable<RelationshipNode>>>("relationships")
            .Description("Its relationships at the moment it was read, batched across CIs.")
            .Argument<DirectionType>("direction", "Which end of the relationships this CI is.", a => a.DefaultValue = Direction.Both)
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("types", "Only these relationship types (default: all).")
            .Resolve(c =>
            {
                var types = RelationshipTypes.Check(store.Model, c.GetArgument<string[]?>("types"));
                var key = RelationshipKey.Create(c.Source.Ci.Id, c.GetArgument("direction", Direction.Both), types, c.Source.AsOf);
                return c.RelationshipLoader().Load(key).Then(list => (list ?? []).Select(r => new RelationshipNode(r, c.Source.AsOf)));
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeighbourType>>>>("neighbours")
            .Description("CIs within `depth` hops at the moment it was read, nearest first, each once. Retired CIs are not passed through.")
            .Argument<IntGraphType>("depth", "How many hops (1 to the configured maximum).", a => a.DefaultValue = 1)
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("types", "Follow only these relationship types (default: all).")
            .Argument<DirectionType>("direction", "Which relationships to follow.", a => a.DefaultValue = Direction.Both)
            .ResolveAsync(async c => await Neighbours.ReadAsync(
                store, c.Source, Paging.First(c.GetArgument("depth", 1), options.MaxNeighbourDepth, "depth"),
                RelationshipTypes.Check(store.Model, c.GetArgument<string[]?>("types")), c.GetArgument("direction", Direction.Both),
                PageLoaders.Of(c), c.CancellationToken));

        Field<NonNullGraphType<AuditEntryConnectionType>>("history")
            .Description("Audit history of this CI and its relationships, newest first (always current, whatever the read moment).")
            .Argument<IntGraphType>("first", "Page size.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "Continue after this cursor.")
            .ResolveAsync(async c => await store.GetHistoryAsync(
                c.Source.Ci.Id, Paging.First(c.GetArgument("first", 20), options.MaxPageSize), Paging.After(c.GetArgument<string?>("after")),
                c.CancellationToken));
    }
}
