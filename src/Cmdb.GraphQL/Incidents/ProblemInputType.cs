using GraphQL.Types;

namespace Cmdb.GraphQL.Incidents;

public sealed class ProblemInputType : InputObjectGraphType<ProblemInput>
{
    public ProblemInputType()
    {
        Name = "ProblemInput";
        Description = "A problem or known error; on update, every field is replaced (links included).";
        Field<NonNullGraphType<StringGraphType>>("title").Description("A short title (1 to 200 characters).");
        Field<StringGraphType>("description").Description("What is known about the cause.");
        Field<BooleanGraphType>("isKnownError").Description("True once the cause is documented (default false).").DefaultValue(false);
        Field<StringGraphType>("workaround").Description("How to restore service until it is fixed.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ciIds").Description("The CIs it lives in (each must exist).");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("incidentIds").Description("The incidents it caused (each must exist).");
    }
}
