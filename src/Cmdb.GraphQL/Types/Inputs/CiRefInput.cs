namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>Names a CI by id or by one identifier.</summary>
public sealed class CiRefInput
{
    public string? Id { get; set; }
    public string? Scheme { get; set; }
    public string? Value { get; set; }
}
