using Cmdb.Domain.Model;

namespace Cmdb.Domain.Diagnosis;

/// <summary>
/// The observation model and priors of the diagnosis engine, and its limits. The weights are log-odds (nats) added to a
/// candidate's prior; docs/diagnosis.md explains each and how the defaults were chosen on the accuracy benchmark.
/// </summary>
public sealed record DiagnosisOptions
{
    /// <summary>Classes (with their subclasses) whose trouble monitoring would report; the rest are never symptoms.</summary>
    public IReadOnlyList<string> MonitoredClasses { get; init; } =
    [
        WellKnown.Classes.BusinessService, WellKnown.Classes.TechnicalService, WellKnown.Classes.Application,
        WellKnown.Classes.ApplicationInstance, WellKnown.Classes.Pod, WellKnown.Classes.Computer, WellKnown.Classes.KubernetesNode,
        WellKnown.Classes.Database, WellKnown.Classes.Cache, WellKnown.Classes.Queue, WellKnown.Classes.MessageBroker,
        WellKnown.Classes.LoadBalancer,
    ];

    /// <summary>Chance that an affected, monitored CI is not reported (0.3: 30 % of symptoms go unnoticed).</summary>
    public double MissRate { get; init; } = 0.3;

    /// <summary>Expected share of reported symptoms that are unrelated noise.</summary>
    public double SpuriousShare { get; init; } = 0.1;

    /// <summary>
    /// Log-odds a declared change on a candidate adds, at age zero. Most outages follow a change, and a change in the
    /// hours before is far likelier on the CI that failed than on a healthy one (e^4 ≈ 55×): enough to outweigh two or
    /// three unreported dependents, not a symptom the candidate cannot explain.
    /// </summary>
    public double RecordedChangeWeight { get; init; } = 4.0;

    /// <summary>Log-odds a change only discovery saw adds, at age zero (undeclared changes are the usual suspects).</summary>
    public double DiscoveredChangeWeight { get; init; } = 6.0;

    /// <summary>Log-odds an undeclared manual write adds, at age zero.</summary>
    public double ManualChangeWeight { get; init; } = 4.0;

    /// <summary>Share of its kind's weight a bookkeeping-only edit (owner, name, tags…) keeps: it cannot break anything.</summary>
    public double BookkeepingChangeFactor { get; init; } = 0.1;

    /// <summary>Log-odds a change on a direct neighbour adds, at age zero.</summary>
    public double NeighbourChangeWeight { get; init; } = 0.3;

    /// <summary>A change's weight halves every this many hours before the start.</summary>
    public double ChangeHalfLifeHours { get; init; } = 4;

    /// <summary>Log-odds a monitoring event firing on the candidate itself adds.</summary>
    public double FiringEventWeight { get; init; } = 1.0;

    /// <summary>Log-odds per e-fold of past root-cause records (weight × ln(1 + count)).</summary>
    public double PastRootCauseWeight { get; init; } = 0.5;

    /// <summary>
    /// Classes (with their subclasses) that are logical groups of other CIs: a pool, a cluster, a replica set stays up
    /// while enough members are healthy, and fails as a whole far less often than a concrete CI does — its trouble is
    /// usually a member's, and the members are candidates of their own.
    /// </summary>
    public IReadOnlyList<string> LogicalGroupClasses { get; init; } = [WellKnown.Classes.RedundancyGroup];

    /// <summary>
    /// Log-odds a candidate of a logical-group class gets (negative: less likely a priori). Matters only between
    /// candidates the symptoms cannot tell apart, such as an application and the unmonitored pool it runs on. Off (0)
    /// by default: set it from the estate's own incident record (how often a group, not a member, was the root cause);
    /// on the accuracy benchmark, which fails groups as often as anything else, negative values cost single-fault accuracy.
    /// </summary>
    public double LogicalGroupPrior { get; init; }

    /// <summary>Hours before the start in which changes count, when a request names none.</summary>
    public int DefaultWindowHours { get; init; } = 24;

    public int MaxWindowHours { get; init; } = 24 * 14;

    public int MaxSymptoms { get; init; } = 1000;

    /// <summary>The upstream closure is cut to this many candidates, nearest to the symptoms first.</summary>
    public int MaxCandidates { get; init; } = 200_000;

    /// <summary>Hops followed from the symptoms to find candidates.</summary>
    public int MaxDepth { get; init; } = 50;

    /// <summary>Best single candidates each paired with every other candidate when looking for two faults.</summary>
    public int PairSeeds { get; init; } = 8;

    /// <summary>Most promising pairs re-evaluated exactly (jointly, so shared redundancy groups count).</summary>
    public int PairsRescored { get; init; } = 24;

    public int DefaultFirst { get; init; } = 10;

    public int MaxFirst { get; init; } = 100;

    /// <summary>Healthy dependents listed per cause (all are counted).</summary>
    public int HealthyDependentsListed { get; init; } = 10;

    /// <summary>Other open incidents diagnosed when looking for related ones.</summary>
    public int RelatedIncidentsScanned { get; init; } = 20;

    /// <summary>How many top causes of each incident are compared for overlap.</summary>
    public int RelatedTopCauses { get; init; } = 3;

    public DiagnosisRanking Ranking { get; init; } = DiagnosisRanking.Probabilistic;

    /// <summary>
    /// Second place goes to the best candidate that is not indistinguishable from the first (the first's twins are
    /// named in its evidence), so the top two always offer two different explanations.
    /// </summary>
    public bool DistinctRunnerUp { get; init; } = true;

    /// <summary>
    /// The distinct-runner-up rule also applies when the second place would go to any candidate that explains no report
    /// the first leaves unexplained (a parent or child offering the same explanation), not only to a twin.
    /// </summary>
    public bool RunnerUpAlternatives { get; init; } = true;
}
