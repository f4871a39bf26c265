using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Forgets history older than the retention period: superseded CI versions, released identifiers, removed
/// relationships, replaced relationship attributes and audit entries (both audit tables) whose commit lies before the cut-off.
/// Current state is never touched, and commits (<c>txn</c>) are kept so as-of reads still resolve.
/// </summary>
internal static class Retention
{
    /// <summary>Deletes what ended before <paramref name="cutoff"/>, in one transaction; returns how many rows went.</summary>
    public static int Prune(SqliteConnection connection, DateTimeOffset cutoff)
    {
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        cmd.CommandText = "SELECT coalesce(max(seq), 0) FROM txn WHERE at < $cutoff";
        var seq = (long)cmd.ExecuteScalar()!;
        if (seq == 0) return 0;

        cmd.Parameters.AddWithValue("$seq", seq);
        var deleted = 0;
        foreach (var sql in new[]
        {
            "DELETE FROM ci_version WHERE valid_to_seq <= $seq",
            "DELETE FROM identifier WHERE valid_to_seq <= $seq",
            "DELETE FROM relationship_attributes WHERE valid_to_seq <= $seq",
            "DELETE FROM relationship WHERE valid_to_seq <= $seq",
            "DELETE FROM audit WHERE seq <= $seq",
            "DELETE FROM ci_created WHERE seq <= $seq",
            "DELETE FROM relationship_audit WHERE seq <= $seq",
        })
        {
            cmd.CommandText = sql;
            deleted += cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return deleted;
    }
}
