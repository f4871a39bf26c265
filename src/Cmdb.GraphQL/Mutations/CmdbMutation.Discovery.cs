using Cmdb.GraphQL.DataLoaders;
using Cmdb.GraphQL.Discovery;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

public sealed partial class CmdbMutation
{
    private void AddDiscoveryFields()
    {
        Field<NonNullGraphType<DiscoveryRunType>>("triggerDiscovery")
            .Description("Runs a source now and returns the finished run. It never overlaps a scheduled run of the same source: it waits for one in progress. Works for paused and disabled sources.")
            .Argument<NonNullGraphType<StringGraphType>>("source", "The source's name.")
            .ResolveAsync(async c =>
            {
                var run = await DiscoveryApi.Scheduler(c).TriggerAsync(c.GetArgument<string>("source"), c.CancellationToken);
                c.ClearLoaders(); // later reads in this request must see what the run wrote
                return run;
            });

        Field<NonNullGraphType<DiscoverySourceType>>("pauseDiscovery")
            .Description("Stops a source's scheduled runs and pending retries until resumed; survives a restart. CONFLICT when the source is not scheduled.")
            .Argument<NonNullGraphType<StringGraphType>>("source", "The source's name.")
            .ResolveAsync(async c => await DiscoveryApi.SourceAsync(c, await DiscoveryApi.Scheduler(c).PauseAsync(c.GetArgument<string>("source"), c.CancellationToken)));

        Field<NonNullGraphType<DiscoverySourceType>>("resumeDiscovery")
            .Description("Resumes a paused source; a run missed while paused fires once now. CONFLICT when the source is not scheduled.")
            .Argument<NonNullGraphType<StringGraphType>>("source", "The source's name.")
            .ResolveAsync(async c => await DiscoveryApi.SourceAsync(c, await DiscoveryApi.Scheduler(c).ResumeAsync(c.GetArgument<string>("source"), c.CancellationToken)));

        Field<NonNullGraphType<DiscoveryRunType>>("approveHeldRun")
            .Description("Carries out the retirements a held run was holding back, audited under you. CONFLICT when the run is not held.")
            .Argument<NonNullGraphType<IdGraphType>>("runId", "The held run.")
            .ResolveAsync(async c =>
            {
                var run = await DiscoveryApi.Service(c).ApproveHeldRunAsync(DiscoveryApi.RunId(c.GetArgument<string>("runId")), CmdbUserContext.ActorOf(c), c.CancellationToken);
                c.ClearLoaders();
                return run;
            });

        Field<NonNullGraphType<DiscoveryRunType>>("rejectHeldRun")
            .Description("Discards the retirements a held run was holding back: nothing is retired. CONFLICT when the run is not held.")
            .Argument<NonNullGraphType<IdGraphType>>("runId", "The held run.")
            .Argument<StringGraphType>("reason", "Why, for the record (at most 1000 characters).")
            .ResolveAsync(async c => await DiscoveryApi.Service(c).RejectHeldRunAsync(
                DiscoveryApi.RunId(c.GetArgument<string>("runId")), CmdbUserContext.ActorOf(c), c.GetArgument<string?>("reason"), c.CancellationToken));
    }
}
