using Cmdb.GraphQL.Types;
using Cmdb.GraphQL.Types.Impact;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddImpactFields()
    {
        Field<NonNullGraphType<ImpactResultType>>("impact")
            .Description("What trouble in these CIs (all at once) reaches: each affected CI with its state, distance and why, the business services hit, and totals. Trouble travels as each relationship type's propagation says; redundancy groups (minHealthy) absorb it.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ciIds", "The CIs in trouble (at least one).")
            .MaxDepthArgument()
            .RelationshipTypesArgument()
            .EnvironmentsArgument()
            .AsOfArgument()
            .IncludeRetiredArgument()
            .ResolveAsync(async c => await ImpactQueries.ImpactAsync(
                _store, c, c.GetArgument<string[]>("ciIds"), c.GetArgument<DateTimeOffset?>(ImpactArguments.AsOf), c.CancellationToken));

        Field<NonNullGraphType<DependencyResultType>>("dependencies")
            .Description("Everything a CI needs: the CIs whose trouble would reach it, following propagation backwards, nearest first, each with a path.")
            .Argument<NonNullGraphType<IdGraphType>>("ciId", "The CI asked about.")
            .MaxDepthArgument()
            .RelationshipTypesArgument()
            .AsOfArgument()
            .ResolveAsync(async c => await ImpactQueries.DependenciesAsync(
                _store, c, Id(c.GetArgument<string>("ciId")), c.GetArgument<DateTimeOffset?>(ImpactArguments.AsOf), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DependencyPathType>>>>("paths")
            .Description("Up to k shortest loopless paths by which `from` needs `to` (trouble in `to` reaches `from` along each, backwards): shortest first.")
            .Argument<NonNullGraphType<IdGraphType>>("from", "The CI that needs.")
            .Argument<NonNullGraphType<IdGraphType>>("to", "The CI it needs.")
            .Argument<IntGraphType>("k", "How many paths at most (1 to Cmdb:Impact MaxPathCount, 20 by default).", a => a.DefaultValue = 3)
            .MaxDepthArgument()
            .AsOfArgument()
            .ResolveAsync(async c => await ImpactQueries.PathsAsync(
                _store, c, Id(c.GetArgument<string>("from")), Id(c.GetArgument<string>("to")), PathCount(c),
                c.GetArgument<DateTimeOffset?>(ImpactArguments.AsOf), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SinglePointOfFailureType>>>>("singlePointsOfFailure")
            .Description("The CIs whose loss alone takes the service DOWN, redundancy considered, worst first (most CIs taken down, then nearest).")
            .Argument<NonNullGraphType<IdGraphType>>("serviceId", "The service (any CI) asked about.")
            .AsOfArgument()
            .ResolveAsync(async c => await ImpactQueries.SinglePointsOfFailureAsync(
                _store, c, Id(c.GetArgument<string>("serviceId")), c.GetArgument<DateTimeOffset?>(ImpactArguments.AsOf), c.CancellationToken));
    }

    // Checked here rather than by the analyzer so the error names the argument the caller wrote.
    private static int PathCount(IResolveFieldContext c)
    {
        var k = c.GetArgument("k", 3);
        var max = ImpactQueries.Analyzer(c).Options.MaxPathCount;
        return Paging.First(k, max, "k");
    }
}
