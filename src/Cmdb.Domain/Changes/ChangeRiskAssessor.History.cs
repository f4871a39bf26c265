using System.Globalization;
using Cmdb.Domain.Graph;
using Measure = Cmdb.Domain.Changes.RiskScore.Measure;

namespace Cmdb.Domain.Changes;

public sealed partial class ChangeRiskAssessor
{
    /// <summary>
    /// Failure rate of past changes within <see cref="ChangeRiskOptions.HistoryDays"/>: outcomes on the targets count
    /// fully, outcomes on other CIs of the same classes at half weight. Adding a failure never lowers the rate.
    /// </summary>
    private Measure FailureRate(ChangeSpec spec, GraphIndex graph, int seq, ChangeRiskContext context)
    {
        var since = context.Now.AddDays(-_options.HistoryDays);
        var targets = spec.TargetCiIds.ToHashSet(StringComparer.Ordinal);
        var classes = spec.TargetCiIds
            .Select(id => graph.TryGetNode(id, out var n) && graph.StateAt(n, seq) is { } s ? graph.Model.Classes[s.ClassIndex].Name : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        double total = 0, failed = 0;
        int ciRuns = 0, ciFails = 0, classRuns = 0;
        foreach (var e in context.History)
        {
            if (e.At < since || e.At > context.Now) continue;
            var weight = targets.Contains(e.CiId) ? 1.0 : classes.Contains(e.ClassName) ? 0.5 : 0;
            if (weight == 0) continue;
            total += weight;
            if (e.IsFailure) failed += weight;
            if (weight == 1) { ciRuns++; if (e.IsFailure) ciFails++; }
            else classRuns++;
        }

        var rate = total == 0 ? 0 : failed / total;
        var text = total == 0 ? $"No change on these CIs or their classes was recorded in the last {_options.HistoryDays} days."
            : $"{Math.Round(rate * 100).ToString(Inv)}% of recent changes failed or were rolled back ({ciFails} of {ciRuns} on these CIs, "
              + $"plus {classRuns} on CIs of the same class at half weight).";
        return new(RiskFactorNames.FailureRate, Math.Round(rate, 4), rate, _options.FailureRateWeight, text);
    }

    /// <summary>Share of targets without an owner or not confirmed for <see cref="ChangeRiskOptions.StaleAfterDays"/>.</summary>
    private Measure Uncertainty(ChangeSpec spec, ChangeRiskContext context)
    {
        var staleBefore = context.Now.AddDays(-_options.StaleAfterDays);
        var ownerless = new List<string>();
        var stale = new List<string>();
        foreach (var id in spec.TargetCiIds)
        {
            if (!context.Facts.TryGetValue(id, out var f)) continue;
            if (string.IsNullOrWhiteSpace(f.Owner)) ownerless.Add(id);
            if (f.LastConfirmed < staleBefore) stale.Add(id);
        }

        var uncertain = ownerless.Union(stale).Count();
        var parts = new List<string>();
        if (ownerless.Count > 0) parts.Add($"no owner: {Join(ownerless)}");
        if (stale.Count > 0) parts.Add($"not confirmed for {_options.StaleAfterDays.ToString(CultureInfo.InvariantCulture)} days: {Join(stale)}");
        return new(RiskFactorNames.Uncertainty, uncertain, uncertain / (double)spec.TargetCiIds.Count, _options.UncertaintyWeight,
            uncertain == 0 ? "Every changed CI has an owner and was confirmed recently."
                : $"The CMDB may be wrong about {uncertain} changed CI{S(uncertain)} ({string.Join("; ", parts)}).",
            [.. ownerless.Union(stale)]);
    }
}
