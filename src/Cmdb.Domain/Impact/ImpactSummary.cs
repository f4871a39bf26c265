namespace Cmdb.Domain.Impact;

/// <summary>Exact totals over every reported CI, whatever page of items the caller reads.</summary>
/// <param name="Total">Reported CIs (causes included).</param>
/// <param name="Down">Certainly lost.</param>
/// <param name="Degraded">Redundancy absorbed the trouble.</param>
/// <param name="AtRisk">Reached only through degraded paths.</param>
/// <param name="ByClass">Counts per class, largest first.</param>
/// <param name="ByEnvironment">Counts per environment, largest first.</param>
/// <param name="ByCriticality">Counts per criticality tier, tier 1 (most critical) first, unset last.</param>
/// <param name="BusinessServices">Business services reached, worst state first, then most critical.</param>
public sealed record ImpactSummary(
    int Total,
    int Down,
    int Degraded,
    int AtRisk,
    IReadOnlyList<ClassCount> ByClass,
    IReadOnlyList<EnvironmentCount> ByEnvironment,
    IReadOnlyList<CriticalityCount> ByCriticality,
    IReadOnlyList<ImpactedService> BusinessServices);
