using System.Text.Json.Nodes;

namespace Cmdb.Domain.History;

/// <summary>One changed field: its name (attributes as <c>attributes.NAME</c>), the value before and after.</summary>
public sealed record FieldChange(string Field, JsonNode? Before, JsonNode? After);
