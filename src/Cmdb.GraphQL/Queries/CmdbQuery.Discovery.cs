using Cmdb.Discovery.Framework;
using Cmdb.GraphQL.Discovery;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddDiscoveryFields()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiscoverySourceType>>>>("discoverySources")
            .Description("The configured discovery sources, by name, with schedule state and latest run. Settings and credentials are never exposed.")
            .ResolveAsync(async c => await DiscoveryApi.SourcesAsync(c));

        Field<NonNullGraphType<DiscoveryRunConnectionType>>("discoveryRuns")
            .Description("Discovery runs, newest first, of one source or all.")
            .Argument<StringGraphType>("source", "Only this source's runs (all when omitted).")
            .Argument<IntGraphType>("first", "Page size (default 20).")
            .Argument<StringGraphType>("after", "Continue after this cursor.")
            .ResolveAsync(async c => await DiscoveryApi.Service(c).GetRunsAsync(
                DiscoveryApi.SourceFilter(c.GetArgument<string?>("source")), Paging.First(c.GetArgument("first", 20), _options.MaxPageSize),
                Paging.After(c.GetArgument<string?>("after")), c.CancellationToken));

        Field<DiscoveryRunType>("discoveryRun")
            .Description("One discovery run; null when there is none with this id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The run id.")
            .ResolveAsync(async c => await DiscoveryApi.Service(c).GetRunAsync(DiscoveryApi.RunId(c.GetArgument<string>("id")), c.CancellationToken));

        Field<NonNullGraphType<ReconciliationConflictConnectionType>>("reconciliationConflicts")
            .Description("Discovered items that matched two or more CIs (nothing was written for them), newest first.")
            .Argument<StringGraphType>("source", "Only this source's conflicts (all when omitted).")
            .Argument<IntGraphType>("first", "Page size (default 20).")
            .Argument<StringGraphType>("after", "Continue after this cursor.")
            .ResolveAsync(async c => await DiscoveryApi.Service(c).GetConflictsAsync(
                DiscoveryApi.SourceFilter(c.GetArgument<string?>("source")), Paging.First(c.GetArgument("first", 20), _options.MaxPageSize),
                Paging.After(c.GetArgument<string?>("after")), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiscoveryRunType>>>>("heldDiscoveryRuns")
            .Description("Runs whose retirements wait for an admin (approveHeldRun / rejectHeldRun), newest first.")
            .ResolveAsync(async c => await DiscoveryApi.HeldRunsAsync(c));

        Field<NonNullGraphType<DiscoveryDiffType>>("discoveryDryRun")
            .Description("Runs a source without writing: what it would create, update (with the precedence rule per field), retire, and whether it would be held.")
            .Argument<NonNullGraphType<StringGraphType>>("source", "The source's name.")
            .ResolveAsync(async c => await DiscoveryApi.Service(c).DryRunAsync(c.GetArgument<string>("source"), c.CancellationToken));
    }
}
