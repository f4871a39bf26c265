using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Changes;

public sealed class TopologyEditInputType : InputObjectGraphType<TopologyEditInput>
{
    public TopologyEditInputType()
    {
        Name = "TopologyEditInput";
        Description = "An edit the change will make to the topology. ADD_CI: ciId, className (environment, criticality optional); "
            + "RETIRE_CI: ciId; ADD_RELATIONSHIP / REMOVE_RELATIONSHIP: relationshipType, sourceId, targetId; "
            + "SET_FIELD: ciId, field, value (status, minHealthy, criticality and environment change the assessed topology).";
        Field<NonNullGraphType<TopologyEditKindType>>("kind").Description("What the edit does.");
        Field<IdGraphType>("ciId").Description("The CI added or retired.");
        Field<StringGraphType>("className").Description("The class of an added CI.");
        Field<StringGraphType>("environment").Description("The environment of an added CI.");
        Field<IntGraphType>("criticality").Description("The criticality of an added CI (1 = most critical).");
        Field<StringGraphType>("relationshipType").Description("The relationship type added or removed, e.g. DEPENDS_ON.");
        Field<IdGraphType>("sourceId").Description("The relationship's source CI.");
        Field<IdGraphType>("targetId").Description("The relationship's target CI.");
        Field<StringGraphType>("field").Description("SET_FIELD: the field or attribute set, e.g. status, minHealthy, criticality, environment or version.");
        Field<StringGraphType>("value").Description("SET_FIELD: the new value as text (e.g. RETIRED, 3, 2.4.1); null removes an attribute.");
    }
}
