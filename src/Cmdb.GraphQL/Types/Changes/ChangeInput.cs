using Cmdb.Domain.Changes;

namespace Cmdb.GraphQL.Types.Changes;

/// <summary>The GraphQL shape of a <see cref="ChangeSpec"/>.</summary>
public sealed class ChangeInput
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public ChangeType Type { get; set; } = ChangeType.Normal;
    public IReadOnlyList<string> TargetCiIds { get; set; } = [];
    public DateTimeOffset PlannedStart { get; set; }
    public DateTimeOffset PlannedEnd { get; set; }
    public string? Implementer { get; set; }
    public string? RollbackPlan { get; set; }
    public string? TestEvidence { get; set; }
    public string? TemplateRef { get; set; }
    public IReadOnlyList<TopologyEditInput>? Edits { get; set; }

    public ChangeSpec ToSpec() => new(
        Title, Description, Type, PlannedStart, PlannedEnd, TargetCiIds, Implementer, RollbackPlan, TestEvidence, TemplateRef,
        Edits?.Select(e => new TopologyEdit(e.Kind, e.CiId, e.ClassName, e.Environment, e.Criticality, e.RelationshipType, e.SourceId, e.TargetId, e.Field, e.Value)).ToList());
}
