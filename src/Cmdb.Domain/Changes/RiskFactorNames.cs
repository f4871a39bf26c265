namespace Cmdb.Domain.Changes;

/// <summary>The names of the assessment factors, in the order they are reported.</summary>
public static class RiskFactorNames
{
    public const string BlastRadius = "blastRadius";
    public const string ServiceCriticality = "serviceCriticality";
    public const string ServiceOutage = "serviceOutage";
    public const string SinglePointsOfFailure = "singlePointsOfFailure";
    public const string Production = "production";
    public const string ChangeType = "changeType";
    public const string Collisions = "collisions";
    public const string FreezeWindow = "freezeWindow";
    public const string MaintenanceWindow = "maintenanceWindow";
    public const string Incidents = "incidents";
    public const string MissingRollbackPlan = "missingRollbackPlan";
    public const string MissingTestEvidence = "missingTestEvidence";
    public const string FailureRate = "failureRate";
    public const string Uncertainty = "uncertainty";
}
