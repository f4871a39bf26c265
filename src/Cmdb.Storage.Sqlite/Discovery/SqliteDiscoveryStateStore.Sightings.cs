using Cmdb.Domain.Discovery;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Discovery;

public sealed partial class SqliteDiscoveryStateStore
{
    private static readonly string[] CiParameters = ["$source", "$scope", "$ci", "$fp", "$first", "$last", "$missed", "$retired"];
    private static readonly string[] RelationshipParameters = ["$source", "$scope", "$key", "$rel", "$fp", "$last", "$missed"];

    public async Task<IReadOnlyList<CiSighting>> GetSightingsAsync(string source, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, $"""
            SELECT s.scope, s.ci_id, s.fingerprint, s.first_seen, {EffectiveLastSeen}, s.missed, s.retired
            FROM discovery_sighting s LEFT JOIN discovery_scope sc ON sc.source = s.source AND sc.scope = s.scope
            WHERE s.source = $source
            """);
        cmd.Parameters.AddWithValue("$source", source);
        var found = new List<CiSighting>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            found.Add(new CiSighting(source, r.GetString(0), r.GetString(1), r.GetInt64(2), Time(r.GetInt64(3)), Time(r.GetInt64(4)),
                r.GetInt32(5), r.GetInt64(6) != 0));
        }

        return found;
    }

    public async Task<IReadOnlyList<RelationshipSighting>> GetRelationshipSightingsAsync(string source, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, """
            SELECT scope, rel_key, relationship_id, fingerprint, last_seen, missed FROM discovery_rel_sighting WHERE source = $source
            """);
        cmd.Parameters.AddWithValue("$source", source);
        var found = new List<RelationshipSighting>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            found.Add(new RelationshipSighting(source, r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), Time(r.GetInt64(4)), r.GetInt32(5)));
        return found;
    }

    public async Task<IReadOnlySet<string>> GetSeenElsewhereAsync(
        string source, string scope, IReadOnlyCollection<string> ciIds, IReadOnlyCollection<string> liveSources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(liveSources);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (ciIds.Count == 0) return found;
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, """
            SELECT DISTINCT ci_id FROM discovery_sighting
            WHERE ci_id IN (SELECT value FROM json_each($ids)) AND missed = 0 AND retired = 0 AND NOT (source = $source AND scope = $scope)
              AND source IN (SELECT value FROM json_each($live))
            """);
        cmd.Parameters.AddWithValue("$ids", JsonIds(ciIds));
        cmd.Parameters.AddWithValue("$live", JsonIds(liveSources));
        cmd.Parameters.AddWithValue("$source", source);
        cmd.Parameters.AddWithValue("$scope", scope);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) found.Add(r.GetString(0));
        return found;
    }

    public Task SaveSightingsAsync(SightingChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var at = changes.At.ToUnixTimeMilliseconds();
        return WriteAsync((c, tx) =>
        {
            UpsertCis(c, tx, changes.Upserts);
            UpsertRelationships(c, tx, changes.RelationshipUpserts);
            foreach (var scope in changes.Scopes)
            {
                // Before the scope's stamp moves: a row missed for the first time was last seen at the previous stamp.
                SetBased(c, tx, "discovery_sighting", "ci_id", """
                    last_seen = CASE WHEN missed = 0 THEN MAX(last_seen, COALESCE(
                        (SELECT last_complete FROM discovery_scope sc WHERE sc.source = $source AND sc.scope = $scope), last_seen)) ELSE last_seen END,
                    missed = missed + 1
                    """, changes.Source, scope.Scope, scope.Missed, at);
                SetBased(c, tx, "discovery_sighting", "ci_id", "last_seen = $at, missed = 0", changes.Source, scope.Scope, scope.Seen, at);
                if (scope.Complete) StampScope(c, tx, changes.Source, scope.Scope, at);
                SetBased(c, tx, "discovery_rel_sighting", "rel_key", "last_seen = $at, missed = 0", changes.Source, scope.Scope, scope.RelationshipsSeen, at);
                SetBased(c, tx, "discovery_rel_sighting", "rel_key", "missed = missed + 1", changes.Source, scope.Scope, scope.RelationshipsMissed, at);
            }

            using var delete = Command(c, tx, "DELETE FROM discovery_rel_sighting WHERE source = $source AND scope = $scope AND rel_key = $key");
            delete.Parameters.AddWithValue("$source", changes.Source);
            var s = delete.Parameters.Add("$scope", SqliteType.Text);
            var k = delete.Parameters.Add("$key", SqliteType.Text);
            foreach (var (scope, key) in changes.RelationshipDeletes)
            {
                (s.Value, k.Value) = (scope, key);
                delete.ExecuteNonQuery();
            }
        }, cancellationToken);
    }

    public Task ResetMissedAsync(string source, IReadOnlyCollection<(string Scope, string CiId)> sightings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        return WriteAsync((c, tx) =>
        {
            using var cmd = Command(c, tx, "UPDATE discovery_sighting SET missed = 0 WHERE source = $source AND scope = $scope AND ci_id = $ci");
            cmd.Parameters.AddWithValue("$source", source);
            var s = cmd.Parameters.Add("$scope", SqliteType.Text);
            var ci = cmd.Parameters.Add("$ci", SqliteType.Text);
            foreach (var (scope, ciId) in sightings)
            {
                (s.Value, ci.Value) = (scope, ciId);
                cmd.ExecuteNonQuery();
            }
        }, cancellationToken);
    }

    // A sighting with missed = 0 was seen by its scope's latest complete run, whose time the scope row keeps.
    private const string EffectiveLastSeen =
        "CASE WHEN s.missed = 0 AND s.retired = 0 THEN MAX(s.last_seen, COALESCE(sc.last_complete, 0)) ELSE s.last_seen END";

    private static void StampScope(SqliteConnection c, SqliteTransaction tx, string source, string scope, long at)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO discovery_scope (source, scope, last_complete) VALUES ($source, $scope, $at)
            ON CONFLICT (source, scope) DO UPDATE SET last_complete = MAX(last_complete, excluded.last_complete)
            """);
        cmd.Parameters.AddWithValue("$source", source);
        cmd.Parameters.AddWithValue("$scope", scope);
        cmd.Parameters.AddWithValue("$at", at);
        cmd.ExecuteNonQuery();
    }

    private static void SetBased(
        SqliteConnection c, SqliteTransaction tx, string table, string keyColumn, string set, string source, string scope,
        IReadOnlyCollection<string> keys, long at)
    {
        if (keys.Count == 0) return;
        using var cmd = Command(c, tx, $"""
            UPDATE {table} SET {set} WHERE source = $source AND scope = $scope AND {keyColumn} IN (SELECT value FROM json_each($keys))
            """);
        cmd.Parameters.AddWithValue("$source", source);
        cmd.Parameters.AddWithValue("$scope", scope);
        cmd.Parameters.AddWithValue("$keys", JsonIds(keys));
        cmd.Parameters.AddWithValue("$at", at);
        cmd.ExecuteNonQuery();
    }

    private static void UpsertCis(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<CiSighting> rows)
    {
        if (rows.Count == 0) return;
        // A first run writes a row per item (100k): one statement prepared once and bound natively, not an ADO.NET
        // command per row (which looks each parameter up by name and makes a data reader for every execution).
        using var upsert = new Statement(c, """
            INSERT INTO discovery_sighting (source, scope, ci_id, fingerprint, first_seen, last_seen, missed, retired)
            VALUES ($source, $scope, $ci, $fp, $first, $last, $missed, $retired)
            ON CONFLICT (source, scope, ci_id) DO UPDATE SET fingerprint = excluded.fingerprint, last_seen = excluded.last_seen,
                missed = excluded.missed, retired = excluded.retired
            """, CiParameters);
        var values = new object?[CiParameters.Length];
        foreach (var row in InKeyOrder(rows))
        {
            (values[0], values[1], values[2], values[3]) = (row.Source, row.Scope, row.CiId, row.Fingerprint);
            (values[4], values[5]) = (row.FirstSeen.ToUnixTimeMilliseconds(), row.LastSeen.ToUnixTimeMilliseconds());
            (values[6], values[7]) = ((long)row.Missed, row.Retired ? 1L : 0L);
            upsert.Execute(tx, values);
        }
    }

    private static void UpsertRelationships(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<RelationshipSighting> rows)
    {
        if (rows.Count == 0) return;
        using var cmd = Command(c, tx, """
            INSERT INTO discovery_rel_sighting (source, scope, rel_key, relationship_id, fingerprint, last_seen, missed)
            VALUES ($source, $scope, $key, $rel, $fp, $last, $missed)
            ON CONFLICT (source, scope, rel_key) DO UPDATE SET relationship_id = excluded.relationship_id,
                fingerprint = excluded.fingerprint, last_seen = excluded.last_seen, missed = excluded.missed
            """);
        var p = RelationshipParameters.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var row in rows)
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (row.Source, row.Scope, row.Key, row.RelationshipId);
            (p[4].Value, p[5].Value, p[6].Value) = (row.Fingerprint, row.LastSeen.ToUnixTimeMilliseconds(), row.Missed);
            cmd.ExecuteNonQuery();
        }
    }
}
