using Cmdb.Domain.Events;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Problems;
using Cmdb.GraphQL.Incidents;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddIncidentFields()
    {
        Field<NonNullGraphType<IncidentType>>("incident")
            .Description("One incident.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The incident.")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                return await IncidentService<IIncidentStore>(c).GetAsync(id, c.CancellationToken) ?? throw CmdbException.NotFound($"No incident with id '{id}'.");
            });

        Field<NonNullGraphType<IncidentConnectionType>>("incidents")
            .Description("Incidents, newest first, optionally only in some states.")
            .Argument<ListGraphType<NonNullGraphType<IncidentStateType>>>("states", "Only incidents in these states (all when omitted).")
            .Argument<IntGraphType>("first", "Page size.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "Continue after this cursor.")
            .ResolveAsync(async c => await IncidentService<IIncidentStore>(c).ListAsync(
                c.GetArgument<IncidentState[]?>("states"), Paging.First(c.GetArgument("first", 20), _options.MaxPageSize),
                Paging.After(c.GetArgument<string?>("after")), c.CancellationToken));

        Field<NonNullGraphType<MonitoringEventConnectionType>>("events")
            .Description("Monitoring events, newest first: on one CI, in one status, or only the unmapped ones (no rule found their CI).")
            .Argument<IdGraphType>("ciId", "Only events mapped to this CI.")
            .Argument<EventStatusType>("status", "Only FIRING or only RESOLVED events.")
            .Argument<BooleanGraphType>("unmappedOnly", "Only events mapped to no CI.", a => a.DefaultValue = false)
            .Argument<IntGraphType>("first", "Page size.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "Continue after this cursor.")
            .ResolveAsync(async c =>
            {
                var filter = new EventFilter(c.GetArgument<string?>("ciId"), c.GetArgument("unmappedOnly", false), c.GetArgument<EventStatus?>("status"));
                if (filter.CiId is not null && filter.UnmappedOnly)
                    throw CmdbException.Invalid("Ask for the events of a CI or for unmapped events, not both.", "unmappedOnly");
                return await IncidentService<IEventStore>(c).ListAsync(
                    filter, Paging.First(c.GetArgument("first", 20), _options.MaxPageSize), Paging.After(c.GetArgument<string?>("after")), c.CancellationToken);
            });

        Field<NonNullGraphType<MonitoringEventType>>("event")
            .Description("One monitoring event.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The event.")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                return await IncidentService<IEventStore>(c).GetAsync(id, c.CancellationToken) ?? throw CmdbException.NotFound($"No monitoring event with id '{id}'.");
            });
        AddProblemFields();
    }

    private void AddProblemFields()
    {
        Field<NonNullGraphType<ProblemType>>("problem")
            .Description("One problem or known error.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The problem.")
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                return await IncidentService<IProblemStore>(c).GetAsync(id, c.CancellationToken) ?? throw CmdbException.NotFound($"No problem with id '{id}'.");
            });

        Field<NonNullGraphType<ProblemConnectionType>>("problems")
            .Description("Problems, newest first: all, those linked to one CI, and/or only known errors.")
            .Argument<IdGraphType>("ciId", "Only problems linked to this CI.")
            .Argument<BooleanGraphType>("knownErrorsOnly", "Only known errors.", a => a.DefaultValue = false)
            .Argument<IntGraphType>("first", "Page size.", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after", "Continue after this cursor.")
            .ResolveAsync(async c => await IncidentService<IProblemStore>(c).ListAsync(
                c.GetArgument<string?>("ciId"), c.GetArgument("knownErrorsOnly", false), Paging.First(c.GetArgument("first", 20), _options.MaxPageSize),
                Paging.After(c.GetArgument<string?>("after")), c.CancellationToken));
    }

    private static T IncidentService<T>(IResolveFieldContext context)
        where T : notnull =>
        context.Service<T>();
}
