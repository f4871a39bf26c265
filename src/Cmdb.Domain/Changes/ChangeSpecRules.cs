using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Changes;

/// <summary>Validation of a <see cref="ChangeSpec"/>: its own shape, and the CIs it names against a graph.</summary>
public static class ChangeSpecRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 10_000;
    public const int MaxTargets = 500;
    public const int MaxEdits = 500;

    /// <summary>Checks what needs no graph: title, window, targets present, text lengths, edit shapes.</summary>
    public static void ValidateShape(ChangeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Title)) throw CmdbException.Invalid("A change needs a title.", "title");
        if (spec.Title.Length > MaxTitleLength)
            throw CmdbException.Invalid($"The title is {spec.Title.Length} characters; at most {MaxTitleLength} are allowed.", "title");
        if (spec.PlannedEnd <= spec.PlannedStart)
            throw CmdbException.Invalid(
                $"The planned window must end after it starts; it starts {spec.PlannedStart:O} and ends {spec.PlannedEnd:O}.", "plannedEnd");
        if (spec.TargetCiIds is null || spec.TargetCiIds.Count == 0)
            throw CmdbException.Invalid("A change must name at least one target CI.", "targetCiIds");
        if (spec.TargetCiIds.Count > MaxTargets)
            throw CmdbException.Invalid($"A change may name at most {MaxTargets} target CIs; got {spec.TargetCiIds.Count}.", "targetCiIds");
        for (var i = 0; i < spec.TargetCiIds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(spec.TargetCiIds[i]))
                throw CmdbException.Invalid($"Target CI number {i + 1} is empty.", "targetCiIds");
        }

        if (spec.TargetCiIds.Distinct(StringComparer.Ordinal).Count() != spec.TargetCiIds.Count)
            throw CmdbException.Invalid("A target CI is listed twice.", "targetCiIds");
        Text(spec.Description, "description");
        Text(spec.RollbackPlan, "rollbackPlan");
        Text(spec.TestEvidence, "testEvidence");
        Text(spec.Implementer, "implementer");
        Text(spec.TemplateRef, "templateRef");
        if (spec.TopologyEdits.Count > MaxEdits)
            throw CmdbException.Invalid($"A change may declare at most {MaxEdits} topology edits; got {spec.TopologyEdits.Count}.", "edits");
        for (var i = 0; i < spec.TopologyEdits.Count; i++) EditShape(spec.TopologyEdits[i], i);
    }

    /// <summary>Checks the shape, then that every target exists in <paramref name="graph"/> at its latest commit.</summary>
    public static void Validate(ChangeSpec spec, GraphIndex graph)
    {
        ValidateShape(spec);
        var seq = graph.Commits.Latest;
        var missing = spec.TargetCiIds.Where(id => !graph.TryGetNode(id, out var n) || graph.StateAt(n, seq) is null).ToList();
        if (missing.Count > 0)
            throw CmdbException.NotFound($"No CI with id {string.Join(", ", missing.Select(m => $"'{m}'"))}; a change can only target CIs that exist.");
    }

    private static void Text(string? value, string path)
    {
        if (value is { Length: > MaxTextLength })
            throw CmdbException.Invalid($"The {path} is {value.Length} characters; at most {MaxTextLength} are allowed.", path);
    }

    private static void EditShape(TopologyEdit edit, int i)
    {
        var path = $"edits[{i}]";
        switch (edit.Kind)
        {
            case TopologyEditKind.AddCi when string.IsNullOrWhiteSpace(edit.CiId) || string.IsNullOrWhiteSpace(edit.ClassName):
                throw CmdbException.Invalid($"Edit {i + 1} adds a CI; it needs both ciId and className.", path);
            case TopologyEditKind.RetireCi when string.IsNullOrWhiteSpace(edit.CiId):
                throw CmdbException.Invalid($"Edit {i + 1} retires a CI; it needs the ciId.", path);
            case TopologyEditKind.AddRelationship or TopologyEditKind.RemoveRelationship
                when string.IsNullOrWhiteSpace(edit.RelationshipType) || string.IsNullOrWhiteSpace(edit.SourceId) || string.IsNullOrWhiteSpace(edit.TargetId):
                throw CmdbException.Invalid($"Edit {i + 1} changes a relationship; it needs relationshipType, sourceId and targetId.", path);
            case TopologyEditKind.SetField when string.IsNullOrWhiteSpace(edit.CiId) || string.IsNullOrWhiteSpace(edit.Field):
                throw CmdbException.Invalid($"Edit {i + 1} sets a field; it needs ciId and field (e.g. status, minHealthy or an attribute such as version).", path);
            case TopologyEditKind.SetField:
                FieldEdits.CheckValue(edit, path, i);
                Text(edit.Value, $"{path}.value");
                break;
        }
    }
}
