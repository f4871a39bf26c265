namespace Cmdb.Domain.Changes;

/// <summary>One past outcome on one CI: the history the failure-rate factor and success rates read.</summary>
public sealed record ChangeOutcomeEntry(string ChangeId, string CiId, string ClassName, ChangeOutcome Outcome, DateTimeOffset At)
{
    public bool IsFailure => Outcome != ChangeOutcome.Completed;
}
