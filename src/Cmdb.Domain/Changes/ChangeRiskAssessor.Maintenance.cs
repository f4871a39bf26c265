using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Measure = Cmdb.Domain.Changes.RiskScore.Measure;

namespace Cmdb.Domain.Changes;

public sealed partial class ChangeRiskAssessor
{
    /// <summary>
    /// Targets and reached business services whose maintenance window (their own attribute, else the first configured
    /// rule matching their class and environment) does not contain the change window. Value = how many; signal = their
    /// share of the CIs that have a window. A window that cannot be read counts as not containing it.
    /// </summary>
    private Measure Maintenance(ChangeSpec spec, GraphIndex graph, int seq, ImpactResult impact, ChangeRiskContext context)
    {
        var checkedIds = spec.TargetCiIds.Concat(impact.BusinessServices.Select(s => s.CiId)).Distinct(StringComparer.Ordinal);
        var withWindow = 0;
        var outside = new List<(string Id, string Window)>();
        var unreadable = new List<string>();
        foreach (var id in checkedIds)
        {
            if (context.MaintenanceWindows.TryGetValue(id, out var own))
            {
                withWindow++;
                if (!MaintenanceWindow.TryParseAll(own, out var windows, out _)) unreadable.Add(id);
                else if (!MaintenanceWindow.Covers(windows, spec.PlannedStart, spec.PlannedEnd)) outside.Add((id, own.Trim()));
                continue;
            }

            if (RuleFor(graph, seq, id) is not { } rule) continue;
            withWindow++;
            if (!MaintenanceWindow.Covers(rule.Windows, spec.PlannedStart, spec.PlannedEnd)) outside.Add((id, $"{rule.Rule.Window.Trim()}, rule {rule.Rule.Name}"));
        }

        var n = outside.Count + unreadable.Count;
        string text;
        if (withWindow == 0) text = "No changed CI or business service reached has a maintenance window.";
        else if (n == 0) text = $"The window lies inside the maintenance window of {(withWindow == 1 ? "the one CI that has one" : $"all {withWindow} CIs that have one")}.";
        else
        {
            var parts = outside.Select(o => $"{o.Id} ({o.Window})").Concat(unreadable.Select(u => $"{u} (its window cannot be read)"));
            text = $"The window falls outside the maintenance window of {n} of the {withWindow} CIs that have one: {Join(parts)}.";
        }

        return new(RiskFactorNames.MaintenanceWindow, n, withWindow == 0 ? 0 : n / (double)withWindow, _options.MaintenanceWindowWeight, text,
            [.. outside.Select(o => o.Id).Concat(unreadable)]);
    }

    private (MaintenanceWindowRule Rule, IReadOnlyList<MaintenanceWindow> Windows)? RuleFor(GraphIndex graph, int seq, string id)
    {
        if (_rules.Count == 0 || !graph.TryGetNode(id, out var node) || graph.StateAt(node, seq) is not { } state) return null;
        var className = graph.Model.Classes[state.ClassIndex].Name;
        var environment = graph.EnvironmentName(state.EnvironmentIndex);
        foreach (var rule in _rules)
        {
            if (rule.Rule.Classes.Count > 0 && !rule.Rule.Classes.Any(c => graph.Model.IsA(className, c))) continue;
            if (rule.Rule.Environments.Count > 0 && !rule.Rule.Environments.Contains(environment ?? "", StringComparer.OrdinalIgnoreCase)) continue;
            return rule;
        }

        return null;
    }
}
