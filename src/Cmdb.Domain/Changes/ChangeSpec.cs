using System.Text.Json.Serialization;

namespace Cmdb.Domain.Changes;

/// <summary>
/// Everything a requester says about a change: the part of a record that can be edited, and the whole of a
/// what-if assessment input. <see cref="ChangeSpecRules"/> validates it. <see cref="TemplateRef"/> is the id of a stored
/// <see cref="ChangeTemplate"/> (before migration V0005 it was free text; such values stay and match no template).
/// </summary>
public sealed record ChangeSpec(
    string Title,
    string? Description,
    ChangeType Type,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    IReadOnlyList<string> TargetCiIds,
    string? Implementer = null,
    string? RollbackPlan = null,
    string? TestEvidence = null,
    string? TemplateRef = null,
    IReadOnlyList<TopologyEdit>? Edits = null)
{
    /// <summary>The declared topology edits; never null.</summary>
    [JsonIgnore]
    public IReadOnlyList<TopologyEdit> TopologyEdits => Edits ?? [];

    /// <summary>True when the planned windows share any instant (end is exclusive).</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => PlannedStart < end && start < PlannedEnd;
}
