using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Copies the WAL back into the database file on a connection and thread of its own, so a batch's COMMIT returns once
/// its pages are in the WAL instead of also copying them all again (and syncing the file) before it returns.
/// </summary>
/// <remarks>
/// SQLite's <c>wal_autocheckpoint</c> is a WAL hook that checkpoints on the committing connection once the WAL holds
/// 1,000 pages; this hook asks the background connection instead, at the same size in bytes (4 MB). A passive checkpoint waits
/// for no one and runs beside the writer's next batch; the WAL starts over once a checkpoint has caught up with it.
/// Durability does not change: a commit is in the WAL either way (<c>synchronous=NORMAL</c>).
/// </remarks>
internal sealed class Checkpointer : IDisposable
{
    // SQLite's own autocheckpoint threshold is 1,000 pages; kept in bytes (1,000 pages of 4 kB) whatever the file's page size.
    private const int WalBytes = 1000 * 4096;
    private readonly int _pages;
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _connection;
    private readonly NativeMethods.WalHook _hook; // referenced here so it lives as long as SQLite may call it
    private readonly Thread _thread;
    private readonly object _gate = new(); // a Monitor: the thread waits on it
    private bool _requested;
    private bool _stopping;
    private int _completed;

    public Checkpointer(SqliteConnection writer, string connectionString)
    {
        _writer = writer;
        using (var size = writer.CreateCommand())
        {
            size.CommandText = "PRAGMA page_size";
            _pages = Math.Max(1, WalBytes / Convert.ToInt32(size.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _hook = OnCommit;
        _ = NativeMethods.SetWalHook(writer.Handle!.DangerousGetHandle(), _hook, IntPtr.Zero);
        _thread = new Thread(Run) { IsBackground = true, Name = "cmdb-sqlite-checkpoint" };
        _thread.Start();
    }

    /// <summary>How many checkpoints have run (for tests).</summary>
    public int Completed => Volatile.Read(ref _completed);

    public void Dispose()
    {
        _ = NativeMethods.SetWalHook(_writer.Handle!.DangerousGetHandle(), null, IntPtr.Zero);
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }

        _thread.Join();
        _connection.Dispose();
    }

    private int OnCommit(IntPtr context, IntPtr database, IntPtr databaseName, int pages)
    {
        if (pages < _pages) return 0;
        lock (_gate)
        {
            _requested = true;
            Monitor.Pulse(_gate);
        }

        return 0; // SQLITE_OK: the commit itself is never affected
    }

    private void Run()
    {
        while (true)
        {
            lock (_gate)
            {
                while (!_requested && !_stopping) Monitor.Wait(_gate);
                if (_stopping) return;
                _requested = false;
            }

            try
            {
                using var cmd = _connection.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                cmd.ExecuteNonQuery();
                Interlocked.Increment(ref _completed);
            }
            catch (SqliteException)
            {
                // Busy or interrupted: the frames stay in the WAL (still durable); the next commit asks again.
            }
        }
    }
}
