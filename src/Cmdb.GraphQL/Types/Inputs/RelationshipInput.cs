using System.Text.Json.Nodes;

namespace Cmdb.GraphQL.Types.Inputs;

/// <summary>A relationship to create (<c>upsertRelationship</c>).</summary>
public sealed class RelationshipInput
{
    public string Type { get; set; } = "";
    public CiRefInput Source { get; set; } = new();
    public CiRefInput Target { get; set; } = new();
    public JsonNode? Attributes { get; set; }
}
