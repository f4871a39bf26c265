namespace Cmdb.Domain.Changes;

/// <summary>The lifecycle of a change record; <see cref="ChangeStateMachine"/> holds the legal moves.</summary>
public enum ChangeState
{
    Draft,
    Assessed,
    Approved,
    Scheduled,
    Implementing,
    Completed,
    Failed,
    RolledBack,
    Cancelled,
}
