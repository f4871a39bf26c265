using Cmdb.Domain.Changes;
using Cmdb.GraphQL.Types;
using Cmdb.GraphQL.Types.Changes;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Queries;

public sealed partial class CmdbQuery
{
    private void AddChangeFields()
    {
        AddChangeTemplateFields();
        Field<NonNullGraphType<ChangeAssessmentType>>("assessChange")
            .Description("Scores a recorded change (changeId), a what-if (input), or a recorded change with the input's fields instead. Stores nothing.")
            .Argument<IdGraphType>("changeId", "A recorded change.")
            .Argument<ChangeInputType>("input", "A proposed change (nothing is stored).")
            .ResolveAsync(async c => await Changes(c).AssessAsync(
                c.GetArgument<string?>("changeId"), c.GetArgument<ChangeInput?>("input")?.ToSpec(), c.CancellationToken));

        Field<NonNullGraphType<ChangeRecordType>>("change")
            .Description("One change record.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The change.")
            .ResolveAsync(async c => await Changes(c).GetAsync(c.GetArgument<string>("id"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeCalendarEntryType>>>>("changes")
            .Description("The change calendar: changes whose windows overlap [from, to), by start, each with the listed changes overlapping it.")
            .Argument<NonNullGraphType<DateTimeType>>("from", "Start of the period.")
            .Argument<NonNullGraphType<DateTimeType>>("to", "End of the period (exclusive).")
            .Argument<ListGraphType<NonNullGraphType<ChangeStateType>>>("states", "Only changes in these states (all when omitted).")
            .ResolveAsync(async c => await Changes(c).CalendarAsync(
                c.GetArgument<DateTimeOffset>("from"), c.GetArgument<DateTimeOffset>("to"), c.GetArgument<ChangeState[]?>("states"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeCollisionType>>>>("changeCollisions")
            .Description("Pairs of live changes in [from, to) whose windows overlap and whose blast radii share CIs (change and with).")
            .Argument<NonNullGraphType<DateTimeType>>("from", "Start of the period.")
            .Argument<NonNullGraphType<DateTimeType>>("to", "End of the period (exclusive).")
            .ResolveAsync(async c => await Changes(c).CollisionsAsync(c.GetArgument<DateTimeOffset>("from"), c.GetArgument<DateTimeOffset>("to"), c.CancellationToken));

        Field<NonNullGraphType<ChangeVerificationType>>("changeVerification")
            .Description("Post-change verification: declared edits that did not happen, and undeclared changes in the blast radius during the window.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The change.")
            .ResolveAsync(async c => await Changes(c).VerifyAsync(c.GetArgument<string>("id"), c.CancellationToken));

        Field<NonNullGraphType<ChangeSuccessRateType>>("changeSuccessRate")
            .Description("How past changes on a CI ended; for a business service, changes on everything it depends on.")
            .Argument<NonNullGraphType<IdGraphType>>("ciId", "The CI or business service.")
            .ResolveAsync(async c => await Changes(c).SuccessRateAsync(c.GetArgument<string>("ciId"), c.CancellationToken));
    }

    private static ChangeOperations Changes(IResolveFieldContext context) =>
        context.Service<ChangeOperations>();
}
