using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The rows of one start-up query, read through direct calls on the raw statement pointer: no SafeHandle reference
/// counting per call (the statement's SafeHandle stays alive as long as this object), and with a
/// <see cref="StartupConnection"/> no mutex either. Text and blobs are copied into a buffer this object reuses, so a
/// span is valid until the next call of <see cref="GetUtf8"/> with the same <c>slot</c>.
/// </summary>
internal sealed class StartupRows : IDisposable
{
    private const string Library = "e_sqlite3"; // the native library SQLitePCLRaw's bundle ships and loads
    private readonly StartupConnection _connection;
    private readonly sqlite3_stmt _stmt;
    private readonly IntPtr _handle;
    private readonly byte[][] _buffers = [new byte[256], new byte[256], new byte[256], new byte[256]];

    public StartupRows(StartupConnection connection, string sql)
    {
        _connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out _stmt);
        if (rc != raw.SQLITE_OK) throw Error(rc);
        _handle = _stmt.DangerousGetHandle();
    }

    public bool Read()
    {
        var rc = Step(_handle);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        throw Error(rc);
    }

    public long GetInt64(int column) => ColumnInt64(_handle, column);

    public int GetInt32(int column) => checked((int)ColumnInt64(_handle, column));

    public bool IsDBNull(int column) => ColumnType(_handle, column) == raw.SQLITE_NULL;

    /// <summary>The column's UTF-8 text, copied into buffer <paramref name="slot"/> (0-3) and valid until that buffer is reused.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column, int slot)
    {
        var text = ColumnText(_handle, column); // text first, then its length, as SQLite documents
        var length = ColumnBytes(_handle, column);
        if (length == 0) return [];
        var buffer = _buffers[slot];
        if (buffer.Length < length) _buffers[slot] = buffer = new byte[Math.Max(length, buffer.Length * 2)];
        Marshal.Copy(text, buffer, 0, length);
        return buffer.AsSpan(0, length);
    }

    public string GetString(int column) => Encoding.UTF8.GetString(GetUtf8(column, 3));

    public void Dispose()
    {
        _stmt.Dispose();
        GC.KeepAlive(_connection);
    }

    private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), rc);

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    private static extern int Step(IntPtr stmt);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64")]
    private static extern long ColumnInt64(IntPtr stmt, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_type")]
    private static extern int ColumnType(IntPtr stmt, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_text")]
    private static extern IntPtr ColumnText(IntPtr stmt, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes")]
    private static extern int ColumnBytes(IntPtr stmt, int column);
}
