using Cmdb.Domain.Changes;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeTemplateType : ObjectGraphType<ChangeTemplate>
{
    public ChangeTemplateType()
    {
        Name = "ChangeTemplate";
        Description = "A standard-change template: a pre-approved procedure for CIs of one class (subclasses included). A STANDARD change "
            + "naming it (templateRef) is PRE_APPROVED while the template is active, not overdue for review, fits every target, and the "
            + "assessed level stays within maxRiskLevel.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The template id (a ULID); a change's templateRef.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("A short name.").Resolve(c => c.Source.Spec.Name);
        Field<StringGraphType>("description").Description("What it is for.").Resolve(c => c.Source.Spec.Description);
        Field<NonNullGraphType<StringGraphType>>("className").Description("The CI class it applies to (subclasses included).").Resolve(c => c.Source.Spec.ClassName);
        Field<NonNullGraphType<StringGraphType>>("procedure").Description("The pre-approved procedure.").Resolve(c => c.Source.Spec.Procedure);
        Field<NonNullGraphType<RiskLevelType>>("maxRiskLevel").Description("The highest assessed level it shields (LOW or MEDIUM).").Resolve(c => c.Source.Spec.MaxRiskLevel);
        Field<NonNullGraphType<StringGraphType>>("approvedBy").Description("Who pre-approved it.").Resolve(c => c.Source.Spec.ApprovedBy);
        Field<NonNullGraphType<DateTimeType>>("reviewBy").Description("When it must be reviewed; past it, it shields nothing.").Resolve(c => c.Source.Spec.ReviewBy);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("False once retired.").Resolve(c => c.Source.Active);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Pass it as expectedVersion to update or retire it.").Resolve(c => c.Source.Version);
    }
}
