namespace Cmdb.Domain.Changes;

/// <summary>
/// Weights (the most points each factor can add, 0..100) and level thresholds of the change risk model.
/// The weights may add up to more than 100: the raw sum is then scaled down to 100 (see docs/change-risk.md).
/// Bound from configuration section <see cref="SectionName"/> and validated at start-up.
/// </summary>
public sealed class ChangeRiskOptions
{
    public const string SectionName = "Cmdb:ChangeRisk";

    /// <summary>Size of the blast radius.</summary><value>Default 10.</value>
    public int BlastRadiusWeight { get; set; } = 10;

    /// <summary>Criticality of the most critical business service reached.</summary><value>Default 15.</value>
    public int ServiceCriticalityWeight { get; set; } = 15;

    /// <summary>A business service goes DOWN (full) rather than DEGRADED (part).</summary><value>Default 10.</value>
    public int ServiceOutageWeight { get; set; } = 10;

    /// <summary>A target is (or the edits create) a single point of failure of a reached service.</summary><value>Default 15.</value>
    public int SinglePointsOfFailureWeight { get; set; } = 15;

    /// <summary>A target is in a production environment.</summary><value>Default 10.</value>
    public int ProductionWeight { get; set; } = 10;

    /// <summary>Change type: standard 0, normal half, emergency full.</summary><value>Default 10.</value>
    public int ChangeTypeWeight { get; set; } = 10;

    /// <summary>Overlapping changes whose blast radii intersect (full at two).</summary><value>Default 10.</value>
    public int CollisionsWeight { get; set; } = 10;

    /// <summary>The window touches a freeze window.</summary><value>Default 20.</value>
    public int FreezeWindowWeight { get; set; } = 20;

    /// <summary>The window falls outside the maintenance window of a target or of a business service reached.</summary><value>Default 10.</value>
    public int MaintenanceWindowWeight { get; set; } = 10;

    /// <summary>Open incidents, firing alerts and recent incidents in the blast radius.</summary><value>Default 10.</value>
    public int IncidentsWeight { get; set; } = 10;

    /// <summary>No rollback plan.</summary><value>Default 10.</value>
    public int MissingRollbackPlanWeight { get; set; } = 10;

    /// <summary>No test evidence.</summary><value>Default 5.</value>
    public int MissingTestEvidenceWeight { get; set; } = 5;

    /// <summary>Failure rate of past changes on the targets (and, at half weight, on their classes).</summary><value>Default 10.</value>
    public int FailureRateWeight { get; set; } = 10;

    /// <summary>Share of targets that are ownerless or stale.</summary><value>Default 5.</value>
    public int UncertaintyWeight { get; set; } = 5;

    /// <summary>Score from which the level is MEDIUM.</summary><value>Default 25.</value>
    public int MediumThreshold { get; set; } = 25;

    /// <summary>Score from which the level is HIGH.</summary><value>Default 50.</value>
    public int HighThreshold { get; set; } = 50;

    /// <summary>Score from which the level is CRITICAL.</summary><value>Default 75.</value>
    public int CriticalThreshold { get; set; } = 75;

    /// <summary>Blast radius (CIs) at which that factor is full; it grows logarithmically below.</summary><value>Default 100.</value>
    public int BlastRadiusSaturation { get; set; } = 100;

    /// <summary>A CI not confirmed for this many days counts as stale.</summary><value>Default 30.</value>
    public int StaleAfterDays { get; set; } = 30;

    /// <summary>How far back the failure-rate factor looks.</summary><value>Default 180.</value>
    public int HistoryDays { get; set; } = 180;

    /// <summary>How far back resolved incidents in the blast radius count.</summary><value>Default 30.</value>
    public int IncidentLookbackDays { get; set; } = 30;

    /// <summary>How many reached business services are examined for single points of failure.</summary><value>Default 10.</value>
    public int MaxServicesExamined { get; set; } = 10;

    /// <summary>Environment names that count as production (ordinal, case-insensitive).</summary><value>Default ["production"].</value>
    public IList<string> ProductionEnvironments { get; } = ["production"];

    /// <summary>The freeze calendar.</summary><value>Default empty.</value>
    public IList<FreezeWindow> FreezeWindows { get; } = [];

    /// <summary>The CI attribute holding a CI's own maintenance window(s), e.g. "Sun 02:00-06:00 Europe/London".</summary>
    /// <value>Default "maintenanceWindow".</value>
    public string MaintenanceWindowAttribute { get; set; } = "maintenanceWindow";

    /// <summary>Maintenance windows by class and environment, for CIs without their own; first match applies.</summary>
    /// <value>Default empty.</value>
    public IList<MaintenanceWindowRule> MaintenanceWindows { get; } = [];
}
