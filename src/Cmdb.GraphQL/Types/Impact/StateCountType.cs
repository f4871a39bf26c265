using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>How many affected CIs are in a state.</summary>
public sealed class StateCountType : ObjectGraphType<StateCount>
{
    public StateCountType()
    {
        Name = "ImpactStateCount";
        Description = "How many affected CIs are in a state.";
        Field<NonNullGraphType<ImpactStateType>>("state").Description("The state.").Resolve(c => c.Source.State);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many CIs.").Resolve(c => c.Source.Count);
    }
}
