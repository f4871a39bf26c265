using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>Everything a CI needs.</summary>
public sealed class DependencyResultType : ObjectGraphType<DependencyResultNode>
{
    public DependencyResultType(ICmdbStore store, IOptions<CmdbGraphQLOptions> options)
    {
        var maxPageSize = options.Value.MaxPageSize;
        Name = "DependencyResult";
        Description = "Everything a CI needs: the CIs whose trouble would reach it (its upstream closure), nearest first, each with a path.";
        Field<NonNullGraphType<ConfigurationItemType>, IDataLoaderResult<CiNode?>>("ci")
            .Description("The CI asked about.").Resolve(c => ImpactLoads.Ci(c, c.Source.Result.CiId, c.Source.AsOf));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many CIs it needs (itself excluded).").Resolve(c => c.Source.Result.TotalCount);
        Field<NonNullGraphType<DependencyItemConnectionType>>("items")
            .Description("The CIs it needs, one page at a time, nearest first (a stable order).")
            .Argument<IntGraphType>("first", "Page size (1 to the configured maximum, 500 by default).", a => a.DefaultValue = 50)
            .Argument<StringGraphType>("after", "Continue after this cursor (pageInfo.endCursor of the previous page).")
            .Resolve(c =>
            {
                var (result, asOf, loaders) = (c.Source.Result, c.Source.AsOf, PageLoaders.Of(c));
                return ItemPaging.Read(
                    result.TotalCount, c.GetArgument("first", 50), maxPageSize, c.GetArgument<string?>("after"),
                    (offset, count) => result.Items(offset, count).Select(i => new DependencyItemNode(result, i, asOf) { Loaders = loaders }).ToArray());
            });
        Field<NonNullGraphType<StringGraphType>>("export")
            .Description("The CI, what it needs and the followed relationships among them, as text to draw, labelled with CI names.")
            .Argument<NonNullGraphType<ExportFormatType>>("format", "DOT, MERMAID or JSON.")
            .ResolveAsync(async c => await ImpactExport.WriteAsync(
                store, c.Source.Result.ToSubgraph(), c.Source.AsOf, c.GetArgument<ExportFormat>("format"), c.CancellationToken));
    }
}
