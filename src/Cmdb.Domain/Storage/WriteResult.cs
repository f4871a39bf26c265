namespace Cmdb.Domain.Storage;

/// <summary>What a write step did.</summary>
public enum WriteOutcome
{
    Created,
    Updated,
    Unchanged,
    Retired,
    Removed,
}

/// <summary>The result of one step: the entity it touched and what happened to it.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="EntityId">The CI or relationship id.</param>
/// <param name="Version">The CI's version after the step (0 for relationships).</param>
public sealed record OperationResult(WriteOutcome Outcome, string EntityId, long Version);

/// <summary>The results of a batch, in the order of its operations.</summary>
public sealed record WriteResult(IReadOnlyList<OperationResult> Results, DateTimeOffset CommittedAt)
{
    public int Count(WriteOutcome outcome) => Results.Count(r => r.Outcome == outcome);
}
