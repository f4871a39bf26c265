using System.Text.Json.Nodes;
using Cmdb.Domain.Items;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>The settable fields of a CI; absent fields stay as they are.</summary>
public class CiChangesInput
{
    public string? Name { get; set; }
    public CiStatus? Status { get; set; }
    public string? Environment { get; set; }
    public int? Criticality { get; set; }
    public string? Owner { get; set; }
    public string? SupportGroup { get; set; }
    public string[]? Tags { get; set; }
    public JsonNode? Attributes { get; set; }
    public IdentifierInput[]? Identifiers { get; set; }
    public int? MinHealthy { get; set; }
}
