namespace Cmdb.GraphQL.Incidents;

/// <summary>One label or annotation of an event input.</summary>
public sealed class LabelInput
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
}
