using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Changes;

/// <summary>
/// <see cref="IChangeStore"/> over the same SQLite file as <see cref="SqliteCmdbStore"/> (whose migrations create its
/// tables). Writes are serialised by a semaphore and run in one IMMEDIATE transaction each, audit row included.
/// </summary>
public sealed partial class SqliteChangeStore : IChangeStore, IDisposable
{
    private readonly SideStoreDatabase _db;
    private readonly TimeProvider _time;
    private readonly int _retentionDays;

    public SqliteChangeStore(SqliteStorageOptions options, ICmdbStore cmdb, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _db = new SideStoreDatabase(options, cmdb, PruneOnceAsync); // every open prunes once, reads included
        _time = time;
        _retentionDays = options.RetentionDays;
    }

    public async Task<ChangeRecord> CreateAsync(ChangeSpec spec, Actor actor, CancellationToken cancellationToken)
    {
        ChangeSpecRules.ValidateShape(spec);
        return await WriteAsync(actor, "create", (c, tx, now) =>
        {
            EnsureCisExist(c, tx, spec.TargetCiIds);
            EnsureTemplateExists(c, tx, spec.TemplateRef);
            var record = new ChangeRecord(Ulid.New(now), spec, ChangeState.Draft, null, null, now, now, 1);
            Insert(c, tx, record);
            return record;
        }, cancellationToken);
    }

    public async Task<ChangeRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        return Read(c, null, id);
    }

    public async Task<ChangeRecord> UpdateAsync(string id, long expectedVersion, ChangeSpec spec, Actor actor, CancellationToken cancellationToken)
    {
        ChangeSpecRules.ValidateShape(spec);
        return await WriteAsync(actor, "update", (c, tx, now) =>
        {
            var current = Current(c, tx, id, expectedVersion);
            if (current.State is not (ChangeState.Draft or ChangeState.Assessed))
                throw CmdbException.Conflict(
                    $"Change {id} is {ChangeStateMachine.Name(current.State)}; only DRAFT or ASSESSED changes can be edited.", "id");
            EnsureCisExist(c, tx, spec.TargetCiIds);
            EnsureTemplateExists(c, tx, spec.TemplateRef);
            var next = current with { Spec = spec, UpdatedAt = now, Version = current.Version + 1 };
            Save(c, tx, next, replaceTargets: true);
            return next;
        }, cancellationToken);
    }

    public async Task<ChangeRecord> TransitionAsync(string id, ChangeState to, long? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        if (ChangeStateMachine.OutcomeOf(to) is not null)
            throw CmdbException.Invalid($"Record a {ChangeStateMachine.Name(to)} outcome with recordChangeOutcome, which also keeps the change history.", "to");
        return await WriteAsync(actor, "transition", (c, tx, now) =>
        {
            var current = Current(c, tx, id, expectedVersion);
            var next = current with { State = ChangeStateMachine.Move(current.State, to), UpdatedAt = now, Version = current.Version + 1 };
            Save(c, tx, next, replaceTargets: false);
            return next;
        }, cancellationToken);
    }

    public async Task<ChangeRecord> RecordOutcomeAsync(string id, ChangeOutcome outcome, string? notes, Actor actor, CancellationToken cancellationToken)
    {
        if (notes is { Length: > ChangeSpecRules.MaxTextLength })
            throw CmdbException.Invalid($"The notes are {notes.Length} characters; at most {ChangeSpecRules.MaxTextLength} are allowed.", "notes");
        return await WriteAsync(actor, "outcome", (c, tx, now) =>
        {
            var current = Current(c, tx, id, null);
            var state = ChangeStateMachine.Move(current.State, ChangeStateMachine.StateOf(outcome));
            var next = current with { State = state, Outcome = outcome, OutcomeNotes = notes, UpdatedAt = now, Version = current.Version + 1 };
            Save(c, tx, next, replaceTargets: false);
            InsertOutcomes(c, tx, next, now);
            return next;
        }, cancellationToken);
    }

    public void Dispose()
    {
        _db.Dispose();
        _pruneGate.Dispose();
    }

    private Task<ChangeRecord> WriteAsync(
        Actor actor, string operation, Func<SqliteConnection, SqliteTransaction, DateTimeOffset, ChangeRecord> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return _db.WriteAsync(_time.GetUtcNow, write, (c, tx, record, now) => Audit(c, tx, record, actor, operation, now), cancellationToken);
    }

    private static ChangeRecord Current(SqliteConnection c, SqliteTransaction tx, string id, long? expectedVersion) =>
        SideStoreRows.Current(Read(c, tx, id), "change", id, expectedVersion, r => r.Version);
}
