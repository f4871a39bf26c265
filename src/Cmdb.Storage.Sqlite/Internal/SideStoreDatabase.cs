using Cmdb.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The plumbing every side store (changes, change templates, incidents, events, problems, discovery state) shares over
/// the SQLite file that <see cref="SqliteCmdbStore"/> owns: how to open it, and one serialised IMMEDIATE write at a time.
/// </summary>
/// <remarks>
/// Composed into each store rather than inherited, so a store keeps its own audit row, clock and error wording.
/// The gate is per store, as before: SQLite's busy timeout already orders writers across stores, and the semaphore
/// only stops one store's callers from queueing on the file lock.
/// </remarks>
internal sealed partial class SideStoreDatabase : IDisposable
{
    private readonly ICmdbStore _cmdb;
    private readonly string _connectionString;
    private readonly Func<SqliteConnection, CancellationToken, Task>? _onOpen;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="onOpen">Runs on every freshly opened connection before it is handed out (the change store's first-use prune).</param>
    public SideStoreDatabase(SqliteStorageOptions options, ICmdbStore cmdb, Func<SqliteConnection, CancellationToken, Task>? onOpen = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cmdb = cmdb;
        _onOpen = onOpen;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWrite, // the file and its tables are the CMDB store's to create
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _cmdb.InitializeAsync(cancellationToken); // migrations (and so the side tables) run there; idempotent
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(cancellationToken);
        if (_onOpen is not null) await _onOpen(c, cancellationToken);
        return c;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one IMMEDIATE transaction (so it holds the write lock from its first read) and
    /// commits it; an exception rolls everything back. Calls on one store run one at a time.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken) =>
        WriteAsync(write, null, cancellationToken);

    /// <summary>
    /// As above, with <paramref name="session"/> set on the connection before BEGIN and put back after COMMIT or
    /// ROLLBACK (settings such as <c>synchronous</c> cannot change inside a transaction, and the pooled connection
    /// must go back to the pool as it came).
    /// </summary>
    public async Task<T> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, T> write, IWriteSettings? session, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var c = await OpenAsync(cancellationToken);
            session?.Apply(c);
            try
            {
                using var tx = c.BeginTransaction(deferred: false);
                var result = write(c, tx);
                tx.Commit();
                return result;
            }
            finally
            {
                session?.Restore(c);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Connection settings one kind of write needs for its transaction only.</summary>
    public interface IWriteSettings
    {
        void Apply(SqliteConnection connection);

        void Restore(SqliteConnection connection);
    }

    /// <summary>
    /// A write stamped with one reading of <paramref name="clock"/>, followed in the same transaction by its audit row.
    /// A null result means nothing changed, so it is not audited.
    /// </summary>
    public Task<T> WriteAsync<T>(
        Func<DateTimeOffset> clock,
        Func<SqliteConnection, SqliteTransaction, DateTimeOffset, T> write,
        Action<SqliteConnection, SqliteTransaction, T, DateTimeOffset> audit,
        CancellationToken cancellationToken) =>
        WriteAsync((c, tx) =>
        {
            var now = clock();
            var result = write(c, tx, now);
            if (result is not null) audit(c, tx, result, now);
            return result;
        }, cancellationToken);

    public Task WriteAsync(Action<SqliteConnection, SqliteTransaction> write, CancellationToken cancellationToken) =>
        WriteAsync<bool>((c, tx) =>
        {
            write(c, tx);
            return true;
        }, cancellationToken);

    public static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    public void Dispose() => _gate.Dispose();
}
