namespace Cmdb.Domain.History;

/// <summary>
/// One audited write, appended in the same transaction as the write itself.
/// </summary>
/// <param name="Sequence">Monotonic position in the audit log.</param>
/// <param name="At">Commit time.</param>
/// <param name="Actor">Who wrote (see <see cref="Items.Actor.Describe"/>).</param>
/// <param name="Operation">create, update, retire, relate, unrelate.</param>
/// <param name="EntityKind">ci or relationship.</param>
/// <param name="EntityId">The CI or relationship.</param>
/// <param name="Changes">Changed fields, before and after.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Operation,
    string EntityKind,
    string EntityId,
    IReadOnlyList<FieldChange> Changes);
