using Cmdb.Domain.Items;

namespace Cmdb.Domain.Changes;

/// <summary>
/// The system of record for change records. Every write is audited in the same transaction; writes that fail leave
/// nothing behind. Implementations validate the spec's shape and that the target CIs exist.
/// </summary>
public interface IChangeStore
{
    Task<ChangeRecord> CreateAsync(ChangeSpec spec, Actor actor, CancellationToken cancellationToken);

    Task<ChangeRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the spec of a DRAFT or ASSESSED change; Conflict when the version moved on or the state forbids it.</summary>
    Task<ChangeRecord> UpdateAsync(string id, long expectedVersion, ChangeSpec spec, Actor actor, CancellationToken cancellationToken);

    /// <summary>Moves a change along <see cref="ChangeStateMachine"/>; outcome states go through <see cref="RecordOutcomeAsync"/>.</summary>
    Task<ChangeRecord> TransitionAsync(string id, ChangeState to, long? expectedVersion, Actor actor, CancellationToken cancellationToken);

    /// <summary>Ends an IMPLEMENTING change with its outcome and writes one history entry per target CI.</summary>
    Task<ChangeRecord> RecordOutcomeAsync(string id, ChangeOutcome outcome, string? notes, Actor actor, CancellationToken cancellationToken);

    /// <summary>Changes whose planned window overlaps [from, to), optionally only in the given states, ordered by start.</summary>
    Task<IReadOnlyList<ChangeRecord>> ListAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<ChangeState>? states, CancellationToken cancellationToken);

    /// <summary>Outcomes recorded since <paramref name="since"/> on the given CIs or on any CI of the given classes.</summary>
    Task<IReadOnlyList<ChangeOutcomeEntry>> GetOutcomesAsync(
        IReadOnlyCollection<string> ciIds, IReadOnlyCollection<string> classNames, DateTimeOffset since, CancellationToken cancellationToken);
}
