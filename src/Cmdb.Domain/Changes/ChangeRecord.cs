namespace Cmdb.Domain.Changes;

/// <summary>A stored change: its spec, where it is in its lifecycle, and how it ended.</summary>
public sealed record ChangeRecord(
    string Id,
    ChangeSpec Spec,
    ChangeState State,
    ChangeOutcome? Outcome,
    string? OutcomeNotes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
