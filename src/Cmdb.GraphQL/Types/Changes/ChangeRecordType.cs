using Cmdb.Domain.Changes;
using Cmdb.Domain.Storage;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeRecordType : ObjectGraphType<ChangeRecord>
{
    public ChangeRecordType(ICmdbStore store)
    {
        Name = "Change";
        Description = "A change record: what will be changed, when, by whom, how to undo it, and how it ended.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The change id (a ULID).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("A short title.").Resolve(c => c.Source.Spec.Title);
        Field<StringGraphType>("description").Description("What will be done and why.").Resolve(c => c.Source.Spec.Description);
        Field<NonNullGraphType<ChangeTypeType>>("type").Description("STANDARD, NORMAL or EMERGENCY.").Resolve(c => c.Source.Spec.Type);
        Field<NonNullGraphType<ChangeStateType>>("state").Description("Where it is in its lifecycle.").Resolve(c => c.Source.State);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeStateType>>>>("nextStates")
            .Description("The states it may move to next (empty when final).").Resolve(c => ChangeStateMachine.Next(c.Source.State));
        Field<NonNullGraphType<DateTimeType>>("plannedStart").Description("When the window opens.").Resolve(c => c.Source.Spec.PlannedStart);
        Field<NonNullGraphType<DateTimeType>>("plannedEnd").Description("When the window closes (exclusive).").Resolve(c => c.Source.Spec.PlannedEnd);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("targetCiIds").Description("The ids of the CIs it touches.").Resolve(c => c.Source.Spec.TargetCiIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConfigurationItemType>>>>("targets")
            .Description("The target CIs, current state.")
            .ResolveAsync(async c => await ChangeCis.ReadAsync(store, c.Source.Spec.TargetCiIds, c.CancellationToken));
        Field<StringGraphType>("implementer").Description("Who carries it out.").Resolve(c => c.Source.Spec.Implementer);
        Field<StringGraphType>("rollbackPlan").Description("How to undo it.").Resolve(c => c.Source.Spec.RollbackPlan);
        Field<StringGraphType>("testEvidence").Description("Where it was tested and with what result.").Resolve(c => c.Source.Spec.TestEvidence);
        Field<StringGraphType>("templateRef").Description("The id of the standard-change template it follows.").Resolve(c => c.Source.Spec.TemplateRef);
        Field<ChangeTemplateType>("template")
            .Description("The standard-change template it follows; null when it names none or the id matches no template.")
            .ResolveAsync(async c => c.Source.Spec.TemplateRef is { } id && c.RequestServices?.GetService(typeof(IChangeTemplateStore)) is IChangeTemplateStore templates
                ? await templates.GetTemplateAsync(id, c.CancellationToken) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TopologyEditType>>>>("edits").Description("The topology edits it declares.").Resolve(c => c.Source.Spec.TopologyEdits);
        Field<ChangeOutcomeType>("outcome").Description("How it ended; null until recorded.").Resolve(c => c.Source.Outcome);
        Field<StringGraphType>("outcomeNotes").Description("What happened, as recorded with the outcome.").Resolve(c => c.Source.OutcomeNotes);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When it was recorded.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When it last changed.").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Pass it as expectedVersion to updateChange.").Resolve(c => c.Source.Version);
    }
}
