using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Mutations;
using Cmdb.GraphQL.Types;
using Cmdb.GraphQL.Types.Inputs;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddItemFields()
    {
        Field<ConfigurationItemType, IDataLoaderResult<CiNode?>>("ci")
            .Description("A CI by id, as of a moment (default now); null when no CI has the id (or it did not exist yet).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The CI's id.")
            .Argument<DateTimeType>("asOf", "Read as of this moment (default: now).")
            .Resolve(c =>
            {
                var (id, asOf) = (Id(c.GetArgument<string>("id")), c.GetArgument<DateTimeOffset?>("asOf"));
                // A selection that reads only the id, class and name (or goes on to its neighbours) needs no document,
                // unless the neighbours' documents are read anyway: then the start joins their batch.
                var loaders = PageLoaders.Of(c);
                var neighboursWhole = NeighbourPrefetch.Queue(c, _store, loaders, id, asOf, _options.MaxNeighbourDepth);
                var loader = !neighboursWhole && CiSelection.IsHeaderOnly(c) ? (BatchLoader<CiKey, ConfigurationItem>)loaders.Headers : loaders.Cis;
                var pending = loader.Load(new CiKey(id, asOf));
                return pending.Then(ci => ci is null ? null : new CiNode(ci, asOf));
            });

        Field<ConfigurationItemType>("ciByIdentifier")
            .Description("The CI holding an identifier, as of a moment; null when none does.")
            .Argument<NonNullGraphType<StringGraphType>>("scheme", "The identifier scheme, e.g. fqdn.")
            .Argument<NonNullGraphType<StringGraphType>>("value", "The identifier value.")
            .Argument<DateTimeType>("asOf", "Read as of this moment (default: now).")
            .ResolveAsync(async c =>
            {
                var (scheme, value, asOf) = (c.GetArgument<string>("scheme"), c.GetArgument<string>("value"), c.GetArgument<DateTimeOffset?>("asOf"));
                Cmdb.Domain.Items.CiRules.ValidateIdentifier(scheme, value, "scheme");
                var ci = await _store.FindByIdentifierAsync(scheme, value, asOf, c.CancellationToken);
                return ci is null ? null : new CiNode(ci, asOf);
            });

        Field<NonNullGraphType<CiConnectionType>>("cis")
            .Description("CIs matching a filter, as of a moment, ordered by id, one page at a time.")
            .Argument<CiFilterInputType>("filter", "Conditions; all must hold.")
            .Argument<IntGraphType>("first", "Page size (1 to the configured maximum, 500 by default).", a => a.DefaultValue = 50)
            .Argument<StringGraphType>("after", "Continue after this cursor (pageInfo.endCursor of the previous page).")
            .Argument<DateTimeType>("asOf", "Read as of this moment (default: now).")
            .ResolveAsync(async c =>
            {
                var asOf = c.GetArgument<DateTimeOffset?>("asOf");
                var page = await _store.QueryCisAsync(
                    WriteInputs.ToFilter(c.GetArgument<CiFilterInput?>("filter")), Paging.First(c.GetArgument("first", 50), _options.MaxPageSize),
                    Paging.After(c.GetArgument<string?>("after")), asOf, c.CancellationToken);
                return new CiConnection(page, asOf);
            });

        Field<RelationshipGraphType>("relationship")
            .Description("A relationship by id, removed ones included (see validTo); null when unknown.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The relationship's id.")
            .ResolveAsync(async c =>
            {
                var r = await _store.GetRelationshipAsync(Id(c.GetArgument<string>("id")), c.CancellationToken);
                return r is null ? null : new RelationshipNode(r, null);
            });
    }

    private static string Id(string id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > 128 ? throw CmdbException.Invalid("id must be 1 to 128 characters.", "id") : id;
}
