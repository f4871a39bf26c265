using GraphQL.Types;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>An attribute equality condition.</summary>
public sealed class AttributeConditionInputType : InputObjectGraphType<AttributeConditionInput>
{
    public AttributeConditionInputType()
    {
        Name = "AttributeConditionInput";
        Description = "An attribute that must have a value; a scalar attribute matches when its text form equals it (true/false for booleans).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The attribute's name.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("The value, as text.");
    }
}
