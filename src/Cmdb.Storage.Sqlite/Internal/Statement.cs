using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// A statement on the writer connection, prepared once and reused with positional parameter values.
/// </summary>
/// <remarks>
/// It drives the native statement directly (the same handle and transaction as the ADO.NET connection): through
/// <see cref="SqliteCommand"/> every execution creates a data reader and looks each parameter up by name, which
/// costs several times the insert itself in a bulk import.
/// </remarks>
internal sealed partial class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly int[] _indexes;
    private readonly IntPtr _handle; // the native statement and database, owned by _stmt and the connection
    private readonly IntPtr _dbHandle;

    public Statement(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        _handle = _stmt.DangerousGetHandle();
        _dbHandle = _db.DangerousGetHandle();
        _indexes = new int[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_stmt, parameterNames[i]);
            if (_indexes[i] == 0) throw new ArgumentException($"The statement has no parameter {parameterNames[i]}.", nameof(parameterNames));
        }
    }

    /// <summary>Runs the statement inside the connection's open transaction; returns the rows it changed.</summary>
    public int Execute(SqliteTransaction tx, params object?[] values)
    {
        Bind(tx, values);
        try
        {
            var rc = NativeMethods.Step(_handle);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
            return NativeMethods.Changes(_dbHandle);
        }
        finally
        {
            _ = NativeMethods.Reset(_handle); // repeats the step's error code, already checked
        }
    }

    /// <summary>True for a statement on the search file's connection (<see cref="SearchFile"/>): its rows go to that file's tape.</summary>
    public bool OnSearchFile { get; init; }

    /// <summary>How many values an execution binds.</summary>
    public int ParameterCount => _indexes.Length;

    /// <summary>
    /// Runs the statement with values written down by a <see cref="StepTape"/> (one per parameter, in order), without
    /// asking for the count of changed rows. Text is bound in place (<c>SQLITE_STATIC</c>): the tape's slabs are pinned
    /// and outlive the step.
    /// </summary>
    public void Run(SqliteTransaction tx, ReadOnlySpan<StepTape.Value> values)
    {
        ArgumentNullException.ThrowIfNull(tx);
        for (var i = 0; i < _indexes.Length; i++)
        {
            var value = values[i];
            var rc = value.Kind switch
            {
                StepTape.Kind.Integer => NativeMethods.BindInt64(_handle, _indexes[i], value.Number),
                StepTape.Kind.Text => NativeMethods.BindText(_handle, _indexes[i], new IntPtr(value.Number), value.Length, NativeMethods.Static),
                _ => NativeMethods.BindNull(_handle, _indexes[i]),
            };
            if (rc != raw.SQLITE_OK) Check(rc);
        }

        try
        {
            var rc = NativeMethods.Step(_handle);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
        }
        finally
        {
            _ = NativeMethods.Reset(_handle);
        }
    }

    public Rows Reader(SqliteTransaction tx, params object?[] values)
    {
        Bind(tx, values);
        return new Rows(this);
    }

    /// <summary>Runs a statement without parameters outside any transaction (start-up reads).</summary>
    public Rows Scan() => new(this);

    public void Dispose() => _stmt.Dispose();

    private void Bind(SqliteTransaction tx, object?[] values)
    {
        // The transaction is the connection's; the native statement joins it simply by running on the same handle.
        ArgumentNullException.ThrowIfNull(tx);
        ReleaseText();
        for (var i = 0; i < _indexes.Length; i++) Check(BindOne(_indexes[i], values[i]));
    }

    private int BindOne(int index, object? value) => value switch
    {
        null => NativeMethods.BindNull(_handle, index),
        string s => BindText(index, s),
        long l => NativeMethods.BindInt64(_handle, index, l),
        int n => NativeMethods.BindInt64(_handle, index, n),
        ReadOnlyMemory<byte> utf8 => BindText(index, utf8.Span),
        DBNull => NativeMethods.BindNull(_handle, index),
        var other => BindText(index, Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
    };

    private void Check(int rc)
    {
        // The primary code, as SqliteCommand reports it (the store maps SQLITE_CONSTRAINT to a conflict).
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc & 0xFF, _db);
    }

    /// <summary>The result rows of one execution; disposing resets the statement for its next use.</summary>
    internal readonly struct Rows : IDisposable
    {
        private readonly Statement _owner;

        public Rows(Statement owner) => _owner = owner;

        public bool Read()
        {
            var rc = raw.sqlite3_step(_owner._stmt);
            if (rc == raw.SQLITE_ROW) return true;
            if (rc != raw.SQLITE_DONE) _owner.Check(rc);
            return false;
        }

        public bool IsDBNull(int column) => raw.sqlite3_column_type(_owner._stmt, column) == raw.SQLITE_NULL;

        public string GetString(int column) => raw.sqlite3_column_text(_owner._stmt, column).utf8_to_string();

        /// <summary>The column's UTF-8 text, valid only until the next <see cref="Read"/> or <see cref="Dispose"/>.</summary>
        public ReadOnlySpan<byte> GetUtf8(int column) => raw.sqlite3_column_blob(_owner._stmt, column);

        public long GetInt64(int column) => raw.sqlite3_column_int64(_owner._stmt, column);

        public int GetInt32(int column) => checked((int)raw.sqlite3_column_int64(_owner._stmt, column));

        public void Dispose() => raw.sqlite3_reset(_owner._stmt);
    }
}
