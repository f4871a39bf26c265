using System.Globalization;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Changes;

public sealed partial class ChangeRiskAssessor
{
    /// <summary>
    /// The approval path and one sentence saying why. Emergency changes go to the emergency board whatever their score.
    /// A STANDARD change is PRE_APPROVED only when its template exists, is active and not overdue for review, applies
    /// to the class of every target (subclasses included) and the level stays within the template's maximum;
    /// otherwise it is routed by level like any other change, and the sentence says which condition failed.
    /// </summary>
    private static (ApprovalPath Path, string Why) Approval(ChangeSpec spec, RiskLevel level, GraphIndex graph, int seq, ChangeRiskContext context)
    {
        var byLevel = level >= RiskLevel.High ? ApprovalPath.Cab : ApprovalPath.PeerReview;
        var route = byLevel == ApprovalPath.Cab ? $"{Word(level)} risk goes to the change advisory board" : $"{Word(level)} risk needs a peer review";
        if (spec.Type == ChangeType.Emergency) return (ApprovalPath.EmergencyCab, "An emergency change goes to the emergency change advisory board whatever its score.");
        if (spec.Type != ChangeType.Standard) return (byLevel, $"A normal change at {route}.");
        var refusal = TemplateRefusal(spec, level, graph, seq, context);
        return refusal is null
            ? (ApprovalPath.PreApproved, $"Standard change template {context.Template!.Id} ({context.Template.Spec.Name}) pre-approves it: "
                + $"it applies to every target and the risk is {Word(level)}, within its limit of {Word(context.Template.Spec.MaxRiskLevel)}.")
            : (byLevel, $"The template does not shield this standard change: {refusal}; so {route}.");
    }

    private static string? TemplateRefusal(ChangeSpec spec, RiskLevel level, GraphIndex graph, int seq, ChangeRiskContext context)
    {
        if (string.IsNullOrWhiteSpace(spec.TemplateRef)) return "it names no template";
        var template = context.Template;
        if (template is null || template.Id != spec.TemplateRef) return $"no template with id '{spec.TemplateRef}' exists";
        if (!template.Active) return $"template {template.Id} ({template.Spec.Name}) is retired";
        if (template.Spec.ReviewBy < context.Now)
            return $"template {template.Id} ({template.Spec.Name}) was due for review on {template.Spec.ReviewBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var wrong = spec.TargetCiIds
            .Where(id => !graph.TryGetNode(id, out var n) || graph.StateAt(n, seq) is not { } s
                || !graph.Model.IsA(graph.Model.Classes[s.ClassIndex].Name, template.Spec.ClassName))
            .ToList();
        if (wrong.Count > 0) return $"it applies to {template.Spec.ClassName} CIs, and {Join(wrong)} {(wrong.Count == 1 ? "is" : "are")} not";
        if (level > template.Spec.MaxRiskLevel) return $"the risk is {Word(level)}, above its limit of {Word(template.Spec.MaxRiskLevel)}";
        return null;
    }

    private static string Word(RiskLevel level) => level.ToString().ToUpperInvariant();
}
