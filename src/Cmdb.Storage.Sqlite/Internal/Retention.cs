using Cmdb.Domain.History;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Forgets history older than the retention period: superseded CI versions, released identifiers, removed
/// relationships, replaced relationship attributes and audit entries (both audit tables) whose commit lies before the cut-off.
/// Current state is never touched, and commits (<c>txn</c>) are kept so as-of reads still resolve.
/// </summary>
internal static class Retention
{
    /// <summary>
    /// CI versions whose successor began at or before the cut-off (V0013: the successor's start is the version's end).
    /// </summary>
    /// <remarks>
    /// Found from the audit entries being pruned with them, through <c>audit_seq</c>, so a prune that finds nothing to
    /// forget reads nothing (it runs at every start-up): every version after a CI's first is written by an update or a
    /// retirement together with an audit entry of that CI at its commit, and audit entries go in the same transaction
    /// as the versions they ended, after them. A CI with an entry at or before the cut-off has its versions up to the
    /// one its latest such update ended removed; its current version has no successor and is never removed.
    /// </remarks>
    internal const string ExpiredVersions = $"""
        DELETE FROM ci_version WHERE rowid IN (
            SELECT v.rowid FROM ci_version v JOIN ci_version n ON n.ci_id = v.ci_id AND n.version = v.version + 1
            WHERE v.ci_id IN (SELECT ci_a FROM audit WHERE seq <= $seq AND entity_kind = '{AuditNames.Ci}')
              AND n.valid_from_seq <= $seq)
        """;

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
            ExpiredVersions, // before the audit entries it is found through
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
