namespace Cmdb.Domain.Changes;

/// <summary>
/// A change in the blast radius during the window that no declared edit explains. For relationships,
/// <see cref="CiId"/> is the source, <see cref="OtherCiId"/> the target.
/// </summary>
public sealed record UndeclaredChange(UndeclaredChangeKind Kind, string CiId, string? RelationshipType, string? OtherCiId, DateTimeOffset At)
{
    /// <summary>For <see cref="UndeclaredChangeKind.CiChanged"/>: the fields and attributes the audit log shows changed, sorted.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
