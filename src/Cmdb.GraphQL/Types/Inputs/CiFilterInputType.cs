using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>Conditions on CIs.</summary>
public sealed class CiFilterInputType : InputObjectGraphType<CiFilterInput>
{
    public CiFilterInputType()
    {
        Name = "CiFilterInput";
        Description = "Conditions on CIs; every condition given must hold. An empty list imposes nothing.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("classes").Description("Class names; a CI matches its class or any ancestor named here.");
        Field<ListGraphType<NonNullGraphType<CiStatusType>>>("statuses").Description("Any of these statuses.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("environments").Description("Any of these environments.");
        Field<ListGraphType<NonNullGraphType<IntGraphType>>>("criticalities").Description("Any of these criticalities (1 to 4).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Every one of these tags.");
        Field<StringGraphType>("owner").Description("Exactly this owner.");
        Field<StringGraphType>("supportGroup").Description("Exactly this support group.");
        Field<ListGraphType<NonNullGraphType<AttributeConditionInputType>>>("attributes").Description("Attributes with these values (scalars compared as text).");
    }
}
