using Cmdb.Domain.Items;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>The <c>filter</c> argument of <c>cis</c>.</summary>
public sealed class CiFilterInput
{
    public string[]? Classes { get; set; }
    public CiStatus[]? Statuses { get; set; }
    public string[]? Environments { get; set; }
    public int[]? Criticalities { get; set; }
    public string[]? Tags { get; set; }
    public string? Owner { get; set; }
    public string? SupportGroup { get; set; }
    public AttributeConditionInput[]? Attributes { get; set; }
}
