using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Changes;

/// <summary>
/// <see cref="IChangeStore"/> over the same SQLite file as <see cref="SqliteCmdbStore"/> (whose migrations create its
/// tables). Writes are serialised by a semaphore and run in one IMMEDIATE transaction each, audit row included.
/// </summary>
public sealed partial class SqliteChangeStore : IChangeStore, IDisposable
{
    private readonly ICmdbStore _cmdb;
    private readonly TimeProvider _time;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteChangeStore(SqliteStorageOptions options, ICmdbStore cmdb, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cmdb = cmdb;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWrite,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    public async Task<ChangeRecord> CreateAsync(ChangeSpec spec, Actor actor, CancellationToken cancellationToken)
    {
        ChangeSpecRules.ValidateShape(spec);
        return await WriteAsync(actor, "create", (c, tx, now) =>
        {
            EnsureCisExist(c, tx, spec.TargetCiIds);
            var record = new ChangeRecord(Ulid.New(now), spec, ChangeState.Draft, null, null, now, now, 1);
            Insert(c, tx, record);
            return record;
        }, cancellationToken);
    }

    public async Task<ChangeRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var c = await OpenAsync(cancellationToken);
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

    public void Dispose() => _gate.Dispose();

    private async Task<ChangeRecord> WriteAsync(
        Actor actor, string operation, Func<SqliteConnection, SqliteTransaction, DateTimeOffset, ChangeRecord> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var c = await OpenAsync(cancellationToken);
            using var tx = c.BeginTransaction(deferred: false);
            var now = _time.GetUtcNow();
            var record = write(c, tx, now);
            Audit(c, tx, record, actor, operation, now);
            tx.Commit();
            return record;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _cmdb.InitializeAsync(cancellationToken); // migrations (and so the change tables) run there; idempotent
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken);
        return c;
    }

    private static ChangeRecord Current(SqliteConnection c, SqliteTransaction tx, string id, long? expectedVersion)
    {
        var current = Read(c, tx, id) ?? throw CmdbException.NotFound($"No change with id '{id}'.");
        if (expectedVersion is { } v && v != current.Version)
            throw CmdbException.Conflict($"Change {id} is at version {current.Version}, not {v}: someone else changed it. Reload and retry.", "expectedVersion");
        return current;
    }
}
