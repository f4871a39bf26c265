namespace Cmdb.Domain.Changes;

/// <summary>How an implemented change ended; failed and rolled-back outcomes feed the failure-rate factor.</summary>
public enum ChangeOutcome
{
    Completed,
    Failed,
    RolledBack,
}
