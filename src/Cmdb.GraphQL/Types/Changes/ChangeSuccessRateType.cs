using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class ChangeSuccessRateType : ObjectGraphType<ChangeSuccessRate>
{
    public ChangeSuccessRateType()
    {
        Name = "ChangeSuccessRate";
        Description = "How past changes ended. For a business service, changes on every CI it depends on count.";
        Field<NonNullGraphType<IdGraphType>>("ciId").Resolve(c => c.Source.CiId);
        Field<NonNullGraphType<IntGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<IntGraphType>>("completed").Resolve(c => c.Source.Completed);
        Field<NonNullGraphType<IntGraphType>>("failed").Resolve(c => c.Source.Failed);
        Field<NonNullGraphType<IntGraphType>>("rolledBack").Resolve(c => c.Source.RolledBack);
        Field<FloatGraphType>("rate").Description("Completed / total; null when nothing was recorded.").Resolve(c => c.Source.Rate);
    }
}
