using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>The input of <c>upsertRelationship</c>.</summary>
public sealed class RelationshipInputType : InputObjectGraphType<RelationshipInput>
{
    public RelationshipInputType()
    {
        Name = "RelationshipInput";
        Description = "A relationship to create. When the same type already links the same two CIs, it is left as it is.";
        Field<NonNullGraphType<StringGraphType>>("type").Description("Its relationship type, e.g. DEPENDS_ON.");
        Field<NonNullGraphType<CiRefInputType>>("source").Description("The CI it starts at.");
        Field<NonNullGraphType<CiRefInputType>>("target").Description("The CI it ends at.");
        Field<JsonGraphType>("attributes").Description("Free attributes as a JSON object.");
    }
}
