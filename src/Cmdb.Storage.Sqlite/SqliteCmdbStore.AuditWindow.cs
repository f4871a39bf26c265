using System.Text.Json;
using Cmdb.Domain.Errors;
using Cmdb.Domain.History;
using Cmdb.Storage.Sqlite.Internal;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    /// <summary>
    /// One query over the commits in the window (found in memory, so the audit_seq index bounds the scan), keeping
    /// rows whose CI columns are in the asked set. The window is usually hours, so this reads few rows however many
    /// CIs are asked about.
    /// </summary>
    public async Task<IReadOnlyList<CiAuditEntry>> GetAuditAsync(
        IReadOnlyCollection<string> ciIds, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        if (limit < 1) throw CmdbException.Invalid($"Ask for at least one audit entry; got {limit}.", "limit");
        if (ciIds.Count == 0 || since > until) return [];
        var commits = Graph.Commits;
        var fromSeq = commits.SeqAt(since.AddMilliseconds(-1)) + 1; // the first commit at or after since
        var toSeq = commits.SeqAt(until);
        if (fromSeq > toSeq) return [];
        var asked = ciIds.ToHashSet(StringComparer.Ordinal);

        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // relationship_audit (V0008) is keyed by commit, so its window is a key range; its CIs are the relationship's.
        // Creations since V0010 are found from the asked CIs through their run (ci_created).
        command.CommandText = $"""
            SELECT a.id, t.at, t.actor, a.operation, a.entity_kind, a.entity_id, a.changes, a.ci_a, a.ci_b
            FROM (SELECT id, seq, operation, entity_kind, entity_id, changes, ci_a, ci_b FROM audit
                  WHERE seq BETWEEN $from AND $to
                    AND (ci_a IN (SELECT value FROM json_each($ids)) OR ci_b IN (SELECT value FROM json_each($ids)))
                  UNION ALL
                  {RelationshipAuditColumns} WHERE ra.seq BETWEEN $from AND $to
                    AND (r.source_id IN (SELECT value FROM json_each($ids)) OR r.target_id IN (SELECT value FROM json_each($ids)))
                  UNION ALL
                  {CreatedAuditColumns} WHERE c.id IN (SELECT value FROM json_each($ids)) AND {InCreatedRun}
                    AND k.seq BETWEEN $from AND $to) a
            JOIN txn t ON t.seq = a.seq
            ORDER BY a.id DESC
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$kind", AuditNames.Relationship);
        command.Parameters.AddWithValue("$create", AuditNames.Create);
        command.Parameters.AddWithValue("$ciKind", AuditNames.Ci);
        command.Parameters.AddWithValue("$from", fromSeq);
        command.Parameters.AddWithValue("$to", toSeq);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(asked));
        command.Parameters.AddWithValue("$limit", limit);
        var found = new List<CiAuditEntry>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var entry = new AuditEntry(
                r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2), r.GetString(3),
                r.GetString(4), r.GetString(5), CreationAudit.Read(r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
            var a = r.GetString(7);
            var b = r.IsDBNull(8) ? null : r.GetString(8);
            found.Add(asked.Contains(a) ? new CiAuditEntry(entry, a, b) : new CiAuditEntry(entry, b!, a));
        }

        await CreationAudit.ExpandAsync(connection, found, static f => f.Entry, static (f, e) => f with { Entry = e }, cancellationToken);
        return found;
    }
}
