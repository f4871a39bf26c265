using System.Text.Json.Nodes;

namespace Cmdb.Domain.Relationships;

/// <summary>A typed, directed relationship between two CIs, with the interval in which it existed.</summary>
/// <param name="Id">Stable opaque id.</param>
/// <param name="Type">Name of its relationship type.</param>
/// <param name="SourceId">The CI it starts at.</param>
/// <param name="TargetId">The CI it ends at.</param>
/// <param name="Attributes">Free attributes (e.g. a port).</param>
/// <param name="ValidFrom">When it came into existence.</param>
/// <param name="ValidTo">When it was removed; null while it exists.</param>
/// <param name="CreatedBy">The actor that created it.</param>
public sealed record Relationship(
    string Id,
    string Type,
    string SourceId,
    string TargetId,
    JsonObject Attributes,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo,
    string CreatedBy);
