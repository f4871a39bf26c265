using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeTemplateInputType : InputObjectGraphType<ChangeTemplateInput>
{
    public ChangeTemplateInputType()
    {
        Name = "ChangeTemplateInput";
        Description = "A standard-change template as its owner writes it.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("A short name (at most 200 characters).");
        Field<StringGraphType>("description").Description("What it is for.");
        Field<NonNullGraphType<StringGraphType>>("className").Description("The CI class it applies to; subclasses are included.");
        Field<NonNullGraphType<StringGraphType>>("procedure").Description("The pre-approved procedure.");
        Field<NonNullGraphType<RiskLevelType>>("maxRiskLevel").Description("The highest assessed level it shields: LOW or MEDIUM.");
        Field<NonNullGraphType<StringGraphType>>("approvedBy").Description("Who pre-approved it (a board or a manager).");
        Field<NonNullGraphType<DateTimeType>>("reviewBy").Description("When it must be reviewed again; past it, it shields nothing.");
    }
}
