using Cmdb.Domain.Incidents;
using Measure = Cmdb.Domain.Changes.RiskScore.Measure;

namespace Cmdb.Domain.Changes;

public sealed partial class ChangeRiskAssessor
{
    /// <summary>
    /// Trouble already present in the blast radius: incidents still open (OPEN or INVESTIGATING), firing monitoring
    /// events, and incidents started within <see cref="ChangeRiskOptions.IncidentLookbackDays"/> that are resolved now,
    /// on any reached CI (as symptom or root cause). Signal: an open incident counts fully, firing events add half, recent
    /// incidents a quarter (capped at 1), so more trouble never lowers it. Value = open + firing + recent.
    /// </summary>
    private Measure IncidentsFactor(HashSet<string> reached, ChangeRiskContext context)
    {
        var since = context.Now.AddDays(-_options.IncidentLookbackDays);
        bool Touches(Incident i) => i.Symptoms.Any(s => reached.Contains(s.CiId)) || (i.RootCauseCiId is { } r && reached.Contains(r));
        var touching = context.Incidents.Where(Touches).DistinctBy(i => i.Id).ToList();
        var open = touching.Where(i => i.State is IncidentState.Open or IncidentState.Investigating).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var recent = touching.Where(i => i.State is IncidentState.Resolved or IncidentState.Closed && i.StartedAt >= since && i.StartedAt <= context.Now).ToList();
        var firing = context.FiringEvents.Where(e => e.CiId is { } ci && reached.Contains(ci) && e.FiringAt(context.Now)).DistinctBy(e => e.Id).ToList();

        var signal = Math.Min(1, (open.Count > 0 ? 1 : 0) + (firing.Count > 0 ? 0.5 : 0) + (recent.Count > 0 ? 0.25 : 0));
        var parts = new List<string>();
        if (open.Count > 0) parts.Add($"{open.Count} open incident{S(open.Count)} ({Join(open.Select(i => $"{i.Id} {i.Severity.ToString().ToUpperInvariant()}: {i.Title}"))})");
        if (firing.Count > 0) parts.Add($"{firing.Count} firing alert{S(firing.Count)} ({Join(firing.Select(e => e.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))})");
        if (recent.Count > 0) parts.Add($"{recent.Count} incident{S(recent.Count)} in the last {_options.IncidentLookbackDays} days");
        var text = parts.Count == 0
            ? $"No open incident, firing alert or incident in the last {_options.IncidentLookbackDays} days touches the blast radius."
            : $"The blast radius already has trouble: {string.Join("; ", parts)}.";
        var cis = open.SelectMany(i => i.SymptomCiIds).Concat(firing.Select(e => e.CiId!)).Where(reached.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new(RiskFactorNames.Incidents, open.Count + firing.Count + recent.Count, signal, _options.IncidentsWeight, text, [.. cis]);
    }
}
