namespace Cmdb.Domain.Changes;

/// <summary>The banded score; the bands come from <see cref="ChangeRiskOptions"/> thresholds.</summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
    Critical,
}
