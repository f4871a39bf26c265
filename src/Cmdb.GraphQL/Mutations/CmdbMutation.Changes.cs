using Cmdb.Domain.Changes;
using Cmdb.GraphQL.Types.Changes;
using GraphQL;
using GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

public sealed partial class CmdbMutation
{
    private void AddChangeFields()
    {
        AddChangeTemplateFields();
        Field<NonNullGraphType<ChangeRecordType>>("createChange")
            .Description("Records a change in DRAFT. Its target CIs must exist.")
            .Argument<NonNullGraphType<ChangeInputType>>("input", "The change.")
            .ResolveAsync(async c => await Store(c).CreateAsync(c.GetArgument<ChangeInput>("input").ToSpec(), CmdbUserContext.ActorOf(c), c.CancellationToken));

        Field<NonNullGraphType<ChangeRecordType>>("updateChange")
            .Description("Replaces the fields of a DRAFT or ASSESSED change; refused when expectedVersion is not its current version.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The change.")
            .Argument<NonNullGraphType<LongGraphType>>("expectedVersion", "The version you read.")
            .Argument<NonNullGraphType<ChangeInputType>>("input", "The new fields.")
            .ResolveAsync(async c => await Store(c).UpdateAsync(
                c.GetArgument<string>("id"), c.GetArgument<long>("expectedVersion"), c.GetArgument<ChangeInput>("input").ToSpec(),
                CmdbUserContext.ActorOf(c), c.CancellationToken));

        Field<NonNullGraphType<ChangeRecordType>>("transitionChange")
            .Description("Moves a change to its next state; only legal transitions are accepted. End an implementation with recordChangeOutcome.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The change.")
            .Argument<NonNullGraphType<ChangeStateType>>("to", "The state to move to.")
            .Argument<LongGraphType>("expectedVersion", "The version you read (optional).")
            .ResolveAsync(async c => await Store(c).TransitionAsync(
                c.GetArgument<string>("id"), c.GetArgument<ChangeState>("to"), c.GetArgument<long?>("expectedVersion"), CmdbUserContext.ActorOf(c),
                c.CancellationToken));

        Field<NonNullGraphType<ChangeRecordType>>("recordChangeOutcome")
            .Description("Ends an IMPLEMENTING change as COMPLETED, FAILED or ROLLED_BACK; the outcome feeds the failure-rate factor and success rates.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The change.")
            .Argument<NonNullGraphType<ChangeOutcomeType>>("outcome", "How it ended.")
            .Argument<StringGraphType>("notes", "What happened.")
            .ResolveAsync(async c => await Store(c).RecordOutcomeAsync(
                c.GetArgument<string>("id"), c.GetArgument<ChangeOutcome>("outcome"), c.GetArgument<string?>("notes"), CmdbUserContext.ActorOf(c),
                c.CancellationToken));
    }

    private static IChangeStore Store(IResolveFieldContext context) =>
        context.Service<IChangeStore>();
}
