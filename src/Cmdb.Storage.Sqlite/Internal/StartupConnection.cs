using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// A read-only native connection for one start-up thread, opened without SQLite's per-call mutex
/// (<c>SQLITE_OPEN_NOMUTEX</c>): only its own thread uses it, and at millions of rows the mutex and the SafeHandle
/// reference counting of the usual statement calls cost a fifth of the load.
/// </summary>
internal sealed class StartupConnection : IDisposable
{
    private readonly sqlite3 _db;

    public StartupConnection(string path)
    {
        var rc = raw.sqlite3_open_v2(path, out _db, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = _db is null ? $"SQLite error {rc}" : raw.sqlite3_errmsg(_db).utf8_to_string();
            _db?.Dispose();
            throw new SqliteException($"Start-up could not open {path} for reading: {message}", rc);
        }
    }

    internal sqlite3 Handle => _db;

    /// <summary>Prepares <paramref name="sql"/> (no parameters) for one scan.</summary>
    public StartupRows Query(string sql) => new(this, sql);

    public void Dispose() => _db.Dispose();
}
