using Cmdb.Domain.Storage;
using Cmdb.GraphQL.DataLoaders;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>Everything trouble in some CIs reaches.</summary>
public sealed class ImpactResultType : ObjectGraphType<ImpactResultNode>
{
    public ImpactResultType(ICmdbStore store, IOptions<CmdbGraphQLOptions> options)
    {
        var maxPageSize = options.Value.MaxPageSize;
        Name = "ImpactResult";
        Description = "Every CI that trouble in the given CIs reaches, with totals. Everything is computed once per field; items, paths and exports are built only when asked for.";
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many CIs are affected, causes included (environment filter applied).").Resolve(c => c.Source.Result.TotalCount);
        Field<NonNullGraphType<ImpactSummaryType>>("summary").Description("Exact totals by state, class, environment and criticality.").Resolve(c => c.Source.Result.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImpactedServiceType>>>>("businessServices")
            .Description("The business services reached, worst state first, then most critical.")
            .ResolveAsync(async c => await ImpactServices.ReadAsync(c, c.Source.Result.BusinessServices, c.Source.AsOf));
        Field<NonNullGraphType<ImpactItemConnectionType>>("items")
            .Description("The affected CIs, one page at a time: by depth, then worst state first (a stable order).")
            .Argument<IntGraphType>("first", "Page size (1 to the configured maximum, 500 by default).", a => a.DefaultValue = 50)
            .Argument<StringGraphType>("after", "Continue after this cursor (pageInfo.endCursor of the previous page).")
            .Resolve(c =>
            {
                var (result, asOf, loaders) = (c.Source.Result, c.Source.AsOf, PageLoaders.Of(c));
                return ItemPaging.Read(
                    result.TotalCount, c.GetArgument("first", 50), maxPageSize, c.GetArgument<string?>("after"),
                    (offset, count) => result.Items(offset, count).Select(i => new ImpactItemNode(result, i, asOf) { Loaders = loaders }).ToArray());
            });
        Field<ImpactItemType>("item")
            .Description("One CI's entry; null when the trouble does not reach it (or the environment filter hides it).")
            .Argument<NonNullGraphType<IdGraphType>>("ciId", "The CI.")
            .Resolve(c => c.Source.Result.Find(c.GetArgument<string>("ciId")) is { } item ? new ImpactItemNode(c.Source.Result, item, c.Source.AsOf) : null);
        Field<NonNullGraphType<StringGraphType>>("export")
            .Description("The affected CIs and the followed relationships among them, as text to draw, labelled with CI names and coloured by state.")
            .Argument<NonNullGraphType<ExportFormatType>>("format", "DOT, MERMAID or JSON.")
            .ResolveAsync(async c => await ImpactExport.WriteAsync(
                store, c.Source.Result.ToSubgraph(), c.Source.AsOf, c.GetArgument<ExportFormat>("format"), c.CancellationToken));
    }
}
