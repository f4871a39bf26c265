using System.Globalization;
using Cmdb.Domain.Errors;
using Cmdb.Domain.History;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    public async Task<Page<AuditEntry>> GetHistoryAsync(string ciId, int first, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciId);
        Cursor.EnsurePageSize(first);
        var before = long.MaxValue;
        if (Cursor.Decode('a', after) is { } key && !long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out before))
            throw CmdbException.Invalid("The cursor 'after' is not one this list gave out; pass the endCursor of the previous page.", "after");

        // The CI's own entries and older relationship entries name it in ci_a/ci_b; relationship entries since V0008
        // are found by the keys of its relationships (RelationshipKeys); its creation since V0010 by its run (ci_created).
        var rels = RelationshipKeys([ciId], Direction.Both);
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = $"""
            SELECT (SELECT count(*) FROM audit WHERE ci_a = $ci OR ci_b = $ci)
                 + (SELECT count(*) FROM relationship_audit WHERE relationship_id IN (SELECT value FROM json_each($rels)))
                 + (SELECT count(*) FROM ({CreatedAuditColumns} WHERE c.id = $ci AND {InCreatedRun}))
            """;
        count.Parameters.AddWithValue("$create", AuditNames.Create);
        count.Parameters.AddWithValue("$ciKind", AuditNames.Ci);
        count.Parameters.AddWithValue("$ci", ciId);
        count.Parameters.AddWithValue("$rels", rels);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT a.id, t.at, t.actor, a.operation, a.entity_kind, a.entity_id, a.changes, a.ci_a, a.ci_b
            FROM (SELECT id, seq, operation, entity_kind, entity_id, changes, ci_a, ci_b FROM audit
                  WHERE (ci_a = $ci OR ci_b = $ci) AND id < $before
                  UNION ALL
                  {RelationshipAuditColumns} WHERE ra.relationship_id IN (SELECT value FROM json_each($rels)) AND ra.id < $before
                  UNION ALL
                  SELECT * FROM ({CreatedAuditColumns} WHERE c.id = $ci AND {InCreatedRun}) WHERE id < $before) a
            JOIN txn t ON t.seq = a.seq
            ORDER BY a.id DESC
            LIMIT $limit
            """;
        page.Parameters.AddWithValue("$ci", ciId);
        page.Parameters.AddWithValue("$rels", rels);
        page.Parameters.AddWithValue("$kind", AuditNames.Relationship);
        page.Parameters.AddWithValue("$create", AuditNames.Create);
        page.Parameters.AddWithValue("$ciKind", AuditNames.Ci);
        page.Parameters.AddWithValue("$before", before);
        page.Parameters.AddWithValue("$limit", first + 1);
        var items = new List<PageItem<AuditEntry>>(first);
        var hasNext = false;
        await using var r = await page.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            if (items.Count == first)
            {
                hasNext = true;
                break;
            }

            var entry = new AuditEntry(
                r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2), r.GetString(3),
                r.GetString(4), r.GetString(5), CreationAudit.Read(r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)));
            items.Add(new PageItem<AuditEntry>(entry, Cursor.Encode('a', entry.Sequence.ToString(CultureInfo.InvariantCulture))));
        }

        await CreationAudit.ExpandAsync(connection, items, static i => i.Node, static (i, e) => i with { Node = e }, cancellationToken);
        return new Page<AuditEntry>(items, total, hasNext);
    }
}
