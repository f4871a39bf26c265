using Cmdb.Domain.Impact;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>How many affected CIs are in an environment.</summary>
public sealed class EnvironmentCountType : ObjectGraphType<EnvironmentCount>
{
    public EnvironmentCountType()
    {
        Name = "ImpactEnvironmentCount";
        Description = "How many affected CIs are in an environment.";
        Field<StringGraphType>("environment").Description("The environment; null for CIs without one.").Resolve(c => c.Source.Environment);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many CIs.").Resolve(c => c.Source.Count);
    }
}
