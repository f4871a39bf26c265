using Cmdb.Domain.Events;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Problems;
using Cmdb.GraphQL.Incidents;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL.Mutations;

public sealed partial class CmdbMutation
{
    private void AddIncidentFields()
    {
        Field<NonNullGraphType<IncidentType>>("createIncident")
            .Description("Records an incident in OPEN. Its symptomatic CIs must exist; startedAt must not be in the future.")
            .Argument<NonNullGraphType<IncidentInputType>>("input", "The incident.")
            .ResolveAsync(async c => await Incidents(c, out var now).CreateAsync(c.GetArgument<IncidentInput>("input").ToSpec(now), CmdbUserContext.ActorOf(c), c.CancellationToken));

        Field<NonNullGraphType<IncidentType>>("addIncidentSymptoms")
            .Description("Adds symptomatic CIs to an incident that is not CLOSED; CIs already listed are ignored.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The incident.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ciIds", "The CIs (at least one; each must exist).")
            .ResolveAsync(async c => await Incidents(c, out _).AddSymptomsAsync(
                c.GetArgument<string>("id"), c.GetArgument<string[]>("ciIds"), CmdbUserContext.ActorOf(c), c.CancellationToken));

        Field<NonNullGraphType<IncidentType>>("updateIncidentState")
            .Description("Moves an incident to INVESTIGATING or CLOSED, or reopens a RESOLVED one (to INVESTIGATING). Resolve with resolveIncident.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The incident.")
            .Argument<NonNullGraphType<IncidentStateType>>("state", "The state to move to.")
            .Argument<LongGraphType>("expectedVersion", "The version you read (optional); refused when it moved on.")
            .ResolveAsync(async c => await Incidents(c, out _).TransitionAsync(
                c.GetArgument<string>("id"), c.GetArgument<IncidentState>("state"), c.GetArgument<long?>("expectedVersion"), CmdbUserContext.ActorOf(c),
                c.CancellationToken));

        Field<NonNullGraphType<IncidentType>>("resolveIncident")
            .Description("Resolves an OPEN or INVESTIGATING incident with how it was fixed and, when known, the root-cause CI (which feeds diagnosis).")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The incident.")
            .Argument<IdGraphType>("rootCauseCiId", "The CI that caused it, when known (must exist).")
            .Argument<NonNullGraphType<StringGraphType>>("resolution", "How it was resolved (1 to 10000 characters).")
            .ResolveAsync(async c => await Incidents(c, out _).ResolveAsync(
                c.GetArgument<string>("id"), c.GetArgument<string?>("rootCauseCiId"), c.GetArgument<string>("resolution"), CmdbUserContext.ActorOf(c),
                c.CancellationToken));

        Field<NonNullGraphType<IngestResultType>>("ingestEvents")
            .Description("Stores monitoring events (at most 1000), mapped to CIs by ciId or the label rules; re-sends update the stored event. All or nothing.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<EventInputType>>>>("events", "The events.")
            .ResolveAsync(async c =>
            {
                var services = c.Services();
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                var inputs = c.GetArgument<EventInputModel[]>("events").Select((e, i) => e.ToInput(now, $"events[{i}]")).ToList();
                var result = await services.GetRequiredService<IEventStore>().IngestAsync(inputs, c.CancellationToken);
                services.GetRequiredService<CiEventsLoader>().Clear();
                return result;
            });
        AddProblemFields();
    }

    private void AddProblemFields()
    {
        Field<NonNullGraphType<ProblemType>>("createProblem")
            .Description("Records a problem or known error linked to existing CIs and incidents.")
            .Argument<NonNullGraphType<ProblemInputType>>("input", "The problem.")
            .ResolveAsync(async c => await Problems(c).CreateAsync(c.GetArgument<ProblemInput>("input").ToSpec(), CmdbUserContext.ActorOf(c), c.CancellationToken));

        Field<NonNullGraphType<ProblemType>>("updateProblem")
            .Description("Replaces a problem's fields and links (e.g. marks it a known error with a workaround); refused when the version moved on.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The problem.")
            .Argument<NonNullGraphType<LongGraphType>>("expectedVersion", "The version you read.")
            .Argument<NonNullGraphType<ProblemInputType>>("input", "The new fields.")
            .ResolveAsync(async c => await Problems(c).UpdateAsync(
                c.GetArgument<string>("id"), c.GetArgument<long>("expectedVersion"), c.GetArgument<ProblemInput>("input").ToSpec(), CmdbUserContext.ActorOf(c),
                c.CancellationToken));
    }

    private static IProblemStore Problems(IResolveFieldContext context) =>
        context.Service<IProblemStore>();

    private static IIncidentStore Incidents(IResolveFieldContext context, out DateTimeOffset now)
    {
        var services = context.Services();
        now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        services.GetRequiredService<CiIncidentsLoader>().Clear(); // later reads in this request must see the write
        return services.GetRequiredService<IIncidentStore>();
    }
}
