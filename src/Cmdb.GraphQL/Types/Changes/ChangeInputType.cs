using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeInputType : InputObjectGraphType<ChangeInput>
{
    public ChangeInputType()
    {
        Name = "ChangeInput";
        Description = "A change as a requester describes it: to create or update a record, or to assess as a what-if.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("A short title (at most 200 characters).");
        Field<StringGraphType>("description").Description("What will be done and why.");
        Field<NonNullGraphType<ChangeTypeType>>("type").Description("STANDARD, NORMAL or EMERGENCY.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("targetCiIds").Description("The CIs the change touches (at least one).");
        Field<NonNullGraphType<DateTimeType>>("plannedStart").Description("When the window opens.");
        Field<NonNullGraphType<DateTimeType>>("plannedEnd").Description("When the window closes (after it opens).");
        Field<StringGraphType>("implementer").Description("Who carries it out.");
        Field<StringGraphType>("rollbackPlan").Description("How to undo it.");
        Field<StringGraphType>("testEvidence").Description("Where it was tested and with what result.");
        Field<IdGraphType>("templateRef").Description("The id of the standard-change template it follows (see changeTemplates); must exist when recorded.");
        Field<ListGraphType<NonNullGraphType<TopologyEditInputType>>>("edits").Description("The topology edits it will make; assessment reads the topology after them.");
    }
}
