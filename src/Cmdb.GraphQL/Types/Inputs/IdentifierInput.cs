namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>An identifier in a write.</summary>
public sealed class IdentifierInput
{
    public string Scheme { get; set; } = "";
    public string Value { get; set; } = "";
}
