using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>One-off statements outside the writer's prepared ones: pragmas, ATTACH, the search file's set-up.</summary>
internal static class SqlCommands
{
    /// <summary>Runs <paramref name="sql"/> once, binding <c>$path</c> when <paramref name="path"/> is given.</summary>
    public static void Execute(SqliteConnection connection, string sql, string? path = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (path is not null) cmd.Parameters.AddWithValue("$path", path);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>.</summary>
    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
