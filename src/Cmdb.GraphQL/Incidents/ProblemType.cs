using Cmdb.Domain.Problems;
using Cmdb.GraphQL.Types;
using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class ProblemType : ObjectGraphType<Problem>
{
    public ProblemType()
    {
        Name = "Problem";
        Description = "A problem (the underlying cause behind incidents) or, once its cause is documented, a known error with its workaround.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The problem id (a ULID).").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Description("A short title.").Resolve(c => c.Source.Spec.Title);
        Field<StringGraphType>("description").Description("What is known about the cause.").Resolve(c => c.Source.Spec.Description);
        Field<NonNullGraphType<BooleanGraphType>>("isKnownError").Description("True once the cause is documented.").Resolve(c => c.Source.Spec.IsKnownError);
        Field<StringGraphType>("workaround").Description("How to restore service until it is fixed.").Resolve(c => c.Source.Spec.Workaround);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ciIds").Description("The CIs it lives in.").Resolve(c => c.Source.Spec.CiIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("incidentIds").Description("The incidents it caused.").Resolve(c => c.Source.Spec.IncidentIds);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When it was recorded.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When it last changed.").Resolve(c => c.Source.UpdatedAt);
        Field<NonNullGraphType<LongGraphType>>("version").Description("Pass it as expectedVersion to updateProblem.").Resolve(c => c.Source.Version);
    }
}
