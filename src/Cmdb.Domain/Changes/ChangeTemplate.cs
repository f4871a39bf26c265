namespace Cmdb.Domain.Changes;

/// <summary>A stored standard-change template. A retired template stays readable but shields no change.</summary>
public sealed record ChangeTemplate(
    string Id,
    ChangeTemplateSpec Spec,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
