namespace Cmdb.Domain.Items;

/// <summary>Lifecycle status of a configuration item.</summary>
public enum CiStatus
{
    Planned,
    Active,
    Maintenance,
    /// <summary>No longer in service. Retired CIs are kept (with their relationships) and skipped by impact.</summary>
    Retired,
}
