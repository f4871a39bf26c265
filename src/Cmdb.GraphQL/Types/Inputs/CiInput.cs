namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>A CI to create or update (<c>upsertCi</c>).</summary>
public sealed class CiInput : CiChangesInput
{
    public string? Id { get; set; }
    public string Class { get; set; } = "";
}
