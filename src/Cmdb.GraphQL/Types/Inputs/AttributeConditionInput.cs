namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>An attribute that must have a value.</summary>
public sealed class AttributeConditionInput
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
