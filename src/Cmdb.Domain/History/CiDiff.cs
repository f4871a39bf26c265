using Cmdb.Domain.Items;
using Cmdb.Domain.Relationships;

namespace Cmdb.Domain.History;

/// <summary>How a CI and its relationships differ between two moments.</summary>
/// <param name="CiId">The CI.</param>
/// <param name="From">The earlier moment (the "before" side).</param>
/// <param name="To">The later moment (the "after" side).</param>
/// <param name="Before">The CI at <paramref name="From"/>; null when it did not exist yet.</param>
/// <param name="After">The CI at <paramref name="To"/>; null when it did not exist yet.</param>
/// <param name="FieldChanges">Changed fields, named as in audit entries (<c>attributes.NAME</c>, <c>identifiers.SCHEME</c>).</param>
/// <param name="RelationshipsAdded">Relationships alive at <paramref name="To"/> but not at <paramref name="From"/>.</param>
/// <param name="RelationshipsRemoved">Relationships alive at <paramref name="From"/> but not at <paramref name="To"/>.</param>
public sealed record CiDiff(
    string CiId,
    DateTimeOffset From,
    DateTimeOffset To,
    ConfigurationItem? Before,
    ConfigurationItem? After,
    IReadOnlyList<FieldChange> FieldChanges,
    IReadOnlyList<Relationship> RelationshipsAdded,
    IReadOnlyList<Relationship> RelationshipsRemoved);
