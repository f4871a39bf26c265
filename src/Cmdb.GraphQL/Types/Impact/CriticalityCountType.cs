using Cmdb.Domain.Impact;
using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>How many affected CIs carry a criticality tier.</summary>
public sealed class CriticalityCountType : ObjectGraphType<CriticalityCount>
{
    public CriticalityCountType()
    {
        Name = "ImpactCriticalityCount";
        Description = "How many affected CIs carry a criticality tier.";
        Field<IntGraphType>("criticality").Description("The tier, 1 (most critical) to 4; null for CIs without one.").Resolve(c => c.Source.Criticality);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many CIs.").Resolve(c => c.Source.Count);
    }
}
