using Cmdb.Discovery.Framework;
using GraphQL.Types;

namespace Cmdb.GraphQL.Discovery;

public sealed class PlannedRetirementType : ObjectGraphType<PlannedRetirement>
{
    public PlannedRetirementType()
    {
        Name = "PlannedRetirement";
        Description = "A CI a run would mark stale or retire (never delete), and why.";
        Field<NonNullGraphType<StringGraphType>>("scope").Description("The scope that no longer reports it.").Resolve(c => c.Source.Scope);
        Field<NonNullGraphType<IdGraphType>>("ciId").Description("The CI.").Resolve(c => c.Source.CiId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("retire").Description("True: it would be retired; false: only counted as stale.").Resolve(c => c.Source.Retire);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, in words.").Resolve(c => c.Source.Reason);
    }
}
