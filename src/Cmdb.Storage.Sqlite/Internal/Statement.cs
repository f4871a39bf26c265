using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>A command on the writer connection, compiled once and reused with positional parameter values.</summary>
internal sealed class Statement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public Statement(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _parameters[i] = new SqliteParameter(parameterNames[i], DBNull.Value);
            _command.Parameters.Add(_parameters[i]);
        }
    }

    public int Execute(SqliteTransaction tx, params object?[] values)
    {
        Bind(tx, values);
        return _command.ExecuteNonQuery();
    }

    public SqliteDataReader Reader(SqliteTransaction tx, params object?[] values)
    {
        Bind(tx, values);
        return _command.ExecuteReader();
    }

    public void Dispose() => _command.Dispose();

    private void Bind(SqliteTransaction tx, object?[] values)
    {
        _command.Transaction = tx;
        for (var i = 0; i < _parameters.Length; i++) _parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
