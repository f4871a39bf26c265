using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>Row-level rules the side stores share, so their audit rows and version errors read alike.</summary>
internal static class SideStoreRows
{
    /// <summary>
    /// Writes one audit row; <paramref name="sql"/> is the store's own INSERT with the parameters $id, $at, $actor, $op
    /// and $detail (each store has its own audit table and id column).
    /// </summary>
    public static void Audit(
        SqliteConnection c, SqliteTransaction tx, string sql, string id, DateTimeOffset at, Actor actor, string operation, string detail)
    {
        using var cmd = SideStoreDatabase.Command(c, tx, sql);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$actor", actor.Describe());
        cmd.Parameters.AddWithValue("$op", operation);
        cmd.Parameters.AddWithValue("$detail", detail);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The one row <paramref name="sql"/> (with the parameter $id) finds, mapped, or null.</summary>
    public static T? ReadById<T>(SqliteConnection c, SqliteTransaction? tx, string sql, string id, Func<SqliteDataReader, T> map)
        where T : class
    {
        using var cmd = SideStoreDatabase.Command(c, tx, sql);
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? map(reader) : null;
    }

    /// <summary>
    /// <paramref name="found"/>, or NotFound when there is none; Conflict when <paramref name="expectedVersion"/> is given
    /// and is not its version (optimistic concurrency). <paramref name="noun"/> is lower case, e.g. "change template".
    /// </summary>
    public static T Current<T>(T? found, string noun, string id, long? expectedVersion, Func<T, long> version)
        where T : class
    {
        if (found is null) throw CmdbException.NotFound($"No {noun} with id '{id}'.");
        var actual = version(found);
        if (expectedVersion is { } v && v != actual)
            throw CmdbException.Conflict(
                $"{char.ToUpperInvariant(noun[0])}{noun[1..]} {id} is at version {actual}, not {v}: someone else changed it. Reload and retry.",
                "expectedVersion");
        return found;
    }

    /// <summary>
    /// The ids that <paramref name="existsSql"/> (a SELECT taking $id) finds no row for, each quoted for an error
    /// message; the caller words the error, since what a missing link means differs per store.
    /// </summary>
    public static List<string> Missing(SqliteConnection c, SqliteTransaction tx, string existsSql, IEnumerable<string> ids)
    {
        using var cmd = SideStoreDatabase.Command(c, tx, existsSql);
        var p = cmd.Parameters.Add("$id", SqliteType.Text);
        var missing = new List<string>();
        foreach (var id in ids)
        {
            p.Value = id;
            if (cmd.ExecuteScalar() is null) missing.Add($"'{id}'");
        }

        return missing;
    }
}
