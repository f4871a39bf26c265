using System.Globalization;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Discovery;

public sealed partial class SqliteDiscoveryStateStore
{
    private readonly Lock _checkpointGate = new();
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>The latest checkpoint a write handed off (tests await it).</summary>
    internal Task LatestCheckpoint
    {
        get
        {
            lock (_checkpointGate) return _checkpoint;
        }
    }

    /// <summary>Test hook: awaited by a handed-off checkpoint before it starts.</summary>
    internal Func<Task>? BeforeCheckpoint { get; set; }

    /// <summary>Copies the WAL back into the database file on a pool thread, unless a checkpoint is running already.</summary>
    private void CheckpointBehind()
    {
        lock (_checkpointGate)
        {
            // A running checkpoint may stop short of the newest frames; the next large write (or the CMDB store's own
            // checkpointer, at its next batch) asks again, as SQLite's autocheckpoint would.
            if (!_checkpoint.IsCompleted) return;
            _checkpoint = Task.Run(CheckpointAsync);
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            if (BeforeCheckpoint is { } hook) await hook();
            await using var c = await _db.OpenAsync(CancellationToken.None);
            using var cmd = Command(c, null, "PRAGMA wal_checkpoint(PASSIVE)");
            cmd.ExecuteNonQuery();
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException)
        {
            // Busy (another checkpoint holds the file's checkpoint lock) or the store is closing: the frames stay in the
            // WAL, committed and durable, until the next checkpoint copies them.
        }
    }

    private void WaitForCheckpoint()
    {
        try
        {
            LatestCheckpoint.Wait();
        }
        catch (AggregateException)
        {
            // Nothing to report at disposal: a failed checkpoint leaves the WAL as it was.
        }
    }

    /// <summary>
    /// The connection settings of this store's writes, for their transaction only: those of the CMDB store's writer.
    /// </summary>
    /// <remarks>
    /// With SQLite's defaults a side-store connection syncs the WAL at every COMMIT (<c>synchronous=FULL</c>) and, once
    /// the WAL holds 1,000 pages, also copies it back into the database file and syncs that, on the committing connection
    /// (<c>wal_autocheckpoint</c>). A first run's sightings are about 15 MB of pages, so the run waited for one or two
    /// syncs of them and often for the copy, in the sightings COMMIT or in the run record's right after it. Now a COMMIT
    /// only appends to the WAL, as the CMDB store's batches do (<c>synchronous=NORMAL</c>: a crash of the process loses
    /// nothing; a power cut may lose the latest commits, never half of one, the same as for the CIs these rows describe),
    /// and the copy runs on a pool thread, as the CMDB store hands its own to <see cref="Checkpointer"/>; the copy syncs
    /// the WAL first.
    /// </remarks>
    private sealed class WriteSettings : IWriteSettings
    {
        private readonly SqliteDiscoveryStateStore _store;
        private readonly NativeMethods.WalHook _hook; // referenced here so it lives as long as SQLite may call it
        private long _synchronous;
        private long _autocheckpoint;
        private int _walPages;

        public WriteSettings(SqliteDiscoveryStateStore store)
        {
            _store = store;
            _hook = OnCommit;
        }

        public void Apply(SqliteConnection connection)
        {
            _synchronous = Pragma(connection, "synchronous");
            Pragma(connection, "synchronous = NORMAL");
            _autocheckpoint = Pragma(connection, "wal_autocheckpoint");
            // Replaces the autocheckpoint hook (which is one) with one that only notes how large the WAL has grown.
            _ = NativeMethods.SetWalHook(connection.Handle!.DangerousGetHandle(), _hook, IntPtr.Zero);
        }

        public void Restore(SqliteConnection connection)
        {
            Pragma(connection, $"synchronous = {_synchronous}");
            Pragma(connection, $"wal_autocheckpoint = {_autocheckpoint}"); // reinstalls SQLite's own hook
            if (_autocheckpoint > 0 && _walPages >= _autocheckpoint) _store.CheckpointBehind();
        }

        private int OnCommit(IntPtr context, IntPtr database, IntPtr databaseName, int pages)
        {
            _walPages = pages;
            return 0; // SQLITE_OK: the commit itself is never affected
        }

        private static long Pragma(SqliteConnection connection, string pragma)
        {
            using var cmd = Command(connection, null, "PRAGMA " + pragma);
            return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        }
    }
}
