using System.Globalization;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Measure = Cmdb.Domain.Changes.RiskScore.Measure;

namespace Cmdb.Domain.Changes;

public sealed partial class ChangeRiskAssessor
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private Measure BlastRadius(ImpactResult impact, int targets)
    {
        var n = Math.Max(0, impact.TotalCount - targets);
        var signal = Math.Min(1, Math.Log(1 + n) / Math.Log(1 + _options.BlastRadiusSaturation));
        return new(RiskFactorNames.BlastRadius, n, signal, _options.BlastRadiusWeight,
            n == 0 ? "Nothing else depends on the CIs being changed." : $"Trouble in the changed CIs reaches {n} other CI{S(n)}.");
    }

    private Measure Criticality(ImpactResult impact)
    {
        var worst = impact.BusinessServices
            .Select(s => (Service: s, Signal: CriticalitySignal(s.Criticality) * StateSignal(s.State)))
            .OrderByDescending(x => x.Signal).ThenBy(x => x.Service.CiId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (worst.Service is null)
            return new(RiskFactorNames.ServiceCriticality, 0, 0, _options.ServiceCriticalityWeight, "No business service is reached.");
        var tier = worst.Service.Criticality is { } c ? $"tier-{c}" : "unrated";
        return new(RiskFactorNames.ServiceCriticality, worst.Service.Criticality ?? 0, worst.Signal, _options.ServiceCriticalityWeight,
            $"The most critical business service reached is {tier} service {worst.Service.CiId}, which would be {StateWord(worst.Service.State)}.",
            [worst.Service.CiId]);
    }

    private Measure Outage(ImpactResult impact)
    {
        var services = impact.BusinessServices;
        var down = services.Count(s => s.State == ImpactState.Down);
        var degraded = services.Count(s => s.State == ImpactState.Degraded);
        var signal = down > 0 ? 1 : degraded > 0 ? 0.5 : services.Count > 0 ? 0.2 : 0;
        var text = down > 0 ? $"{down} business service{S(down)} would go fully down, not merely degraded."
            : degraded > 0 ? $"{degraded} business service{S(degraded)} would run degraded; redundancy keeps them up."
            : services.Count > 0 ? "Business services are only at risk; nothing they need is certainly lost."
            : "No business service is reached.";
        return new(RiskFactorNames.ServiceOutage, down, signal, _options.ServiceOutageWeight, text);
    }

    private Measure SinglePointsFactor(List<string> targets, IReadOnlyList<string> created)
    {
        var n = targets.Count + created.Count;
        var parts = new List<string>();
        if (targets.Count > 0) parts.Add($"{Join(targets)} {(targets.Count == 1 ? "is a single point" : "are single points")} of failure of a service it reaches");
        if (created.Count > 0) parts.Add($"the edits leave {Join(created)} as a new single point of failure");
        return new(RiskFactorNames.SinglePointsOfFailure, n, n > 0 ? 1 : 0, _options.SinglePointsOfFailureWeight,
            n == 0 ? "No changed CI is a single point of failure of a business service it reaches." : Sentence(string.Join("; ", parts)),
            [.. targets, .. created]);
    }

    private Measure Production(ChangeSpec spec, GraphIndex graph, int seq)
    {
        var prod = spec.TargetCiIds.Count(id => graph.TryGetNode(id, out var n) && graph.StateAt(n, seq) is { } s
            && graph.EnvironmentName(s.EnvironmentIndex) is { } env
            && _options.ProductionEnvironments.Contains(env, StringComparer.OrdinalIgnoreCase));
        return new(RiskFactorNames.Production, prod, prod > 0 ? 1 : 0, _options.ProductionWeight,
            prod > 0 ? $"{prod} of the {spec.TargetCiIds.Count} changed CIs {(prod == 1 ? "is" : "are")} in production." : "No changed CI is in production.");
    }

    private Measure TypeFactor(ChangeType type) => type switch
    {
        ChangeType.Standard => new(RiskFactorNames.ChangeType, 0, 0, _options.ChangeTypeWeight, "A standard change follows a known, repeatable procedure."),
        ChangeType.Normal => new(RiskFactorNames.ChangeType, 1, 0.5, _options.ChangeTypeWeight, "A normal change is a one-off that needs assessment."),
        _ => new(RiskFactorNames.ChangeType, 2, 1, _options.ChangeTypeWeight, "An emergency change is rushed, with less time to plan and test."),
    };

    private Measure CollisionsFactor(List<ChangeCollision> collisions)
    {
        var n = collisions.Count;
        var text = n == 0 ? "No other change in an overlapping window touches the same blast radius."
            : $"{n} other change{S(n)} overlap{(n == 1 ? "s" : "")} this window and share{(n == 1 ? "s" : "")} CIs with its blast radius: "
              + string.Join("; ", collisions.Select(c => $"{c.ChangeId} ({Join(c.SharedCiIds)})")) + ".";
        return new(RiskFactorNames.Collisions, n, Math.Min(1, n / 2.0), _options.CollisionsWeight, text,
            [.. collisions.SelectMany(c => c.SharedCiIds).Distinct(StringComparer.Ordinal)]);
    }

    private Measure Freeze(ChangeSpec spec)
    {
        var hits = _options.FreezeWindows.Where(f => spec.Overlaps(f.Start, f.End)).Select(f => f.Name).ToList();
        return new(RiskFactorNames.FreezeWindow, hits.Count, hits.Count > 0 ? 1 : 0, _options.FreezeWindowWeight,
            hits.Count > 0 ? $"The window falls in the change freeze {Join(hits)}." : "The window is outside every change freeze.");
    }

    private static Measure Missing(string name, int weight, string? value, string what, string why)
    {
        var missing = string.IsNullOrWhiteSpace(value);
        return new(name, missing ? 1 : 0, missing ? 1 : 0, weight, missing ? $"There is no {what}. {why}" : $"The {what} is recorded.");
    }

    private static string S(int n) => n == 1 ? "" : "s";

    private static string Join(IEnumerable<string> ids) => string.Join(", ", ids);

    private static string Sentence(string s) => string.Concat(s[..1].ToUpper(Inv), s.AsSpan(1), ".");

    private static double CriticalitySignal(int? criticality) => criticality is { } c ? (5 - Math.Clamp(c, 1, 4)) / 4.0 : 0.25;

    private static double StateSignal(ImpactState state) => state switch
    {
        ImpactState.Down => 1,
        ImpactState.Degraded => 0.6,
        ImpactState.AtRisk => 0.3,
        _ => 0,
    };

    private static string StateWord(ImpactState state) => state switch
    {
        ImpactState.Down => "down",
        ImpactState.Degraded => "degraded",
        _ => "at risk",
    };
}
