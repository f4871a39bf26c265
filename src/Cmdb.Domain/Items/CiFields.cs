using System.Text.Json.Nodes;

namespace Cmdb.Domain.Items;

/// <summary>
/// The settable fields of a CI in a write. A null property leaves the stored value as it is.
/// <see cref="Attributes"/> and <see cref="Identifiers"/> merge key by key; an attribute set to JSON null is removed.
/// </summary>
public sealed record CiFields
{
    public string? Name { get; init; }
    public CiStatus? Status { get; init; }
    public string? Environment { get; init; }
    public int? Criticality { get; init; }
    public string? Owner { get; init; }
    public string? SupportGroup { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public JsonObject? Attributes { get; init; }
    public IReadOnlyDictionary<string, string>? Identifiers { get; init; }
    public int? MinHealthy { get; init; }
}
