using System.Globalization;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Relationships;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    private const string RelationshipColumns = """
        SELECT r.id, r.type, r.source_id, r.target_id, r.attributes, tf.at, tt.at, r.created_by
        FROM relationship r JOIN txn tf ON tf.seq = r.valid_from_seq LEFT JOIN txn tt ON tt.seq = r.valid_to_seq
        """;

    /// <summary>As <see cref="RelationshipColumns"/>, with the attributes in force at <c>$seq</c>.</summary>
    private const string RelationshipColumnsAsOf = """
        SELECT r.id, r.type, r.source_id, r.target_id,
               CASE WHEN r.attributes_from_seq <= $seq THEN r.attributes
                    ELSE coalesce((SELECT ra.attributes FROM relationship_attributes ra
                                   WHERE ra.relationship_id = r.id AND ra.valid_from_seq <= $seq AND ra.valid_to_seq > $seq),
                                  r.attributes) END,
               tf.at, tt.at, r.created_by
        FROM relationship r JOIN txn tf ON tf.seq = r.valid_from_seq LEFT JOIN txn tt ON tt.seq = r.valid_to_seq
        """;

    public async Task<IReadOnlyDictionary<string, ConfigurationItem>> GetCisAsync(
        IReadOnlyCollection<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // Sized for every id: a map grown from empty to 5,000 entries (a discovery chunk) left eleven smaller ones behind.
        var result = new Dictionary<string, ConfigurationItem>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0) return result;
        await using var connection = await OpenReaderAsync(cancellationToken);
        if (asOf is null)
        {
            ReadCurrentCis(connection, ids, result, ids.Count >= CiReadAhead.MinimumIds ? _readAhead : null);
            return result;
        }

        await using var cmd = connection.CreateCommand();
        cmd.Parameters.AddWithValue("$ids", SqlText.JsonArray(ids));
        cmd.CommandText = $"SELECT v.doc FROM ci_version v WHERE v.ci_id IN (SELECT value FROM json_each($ids)) AND {SqlText.VersionValidAt("v")}";
        BindSeq(cmd, asOf);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var ci = CiJson.Read(r.GetString(0));
            result[ci.Id] = ci;
        }

        return result;
    }

    /// <summary>
    /// The current snapshots of these CIs, parsed from SQLite's own UTF-8 text through the native statement: through a
    /// data reader each snapshot became a string and then UTF-8 again for the parser (discovery reads every CI it
    /// updates, so a first run of 50k updates paid two copies of 50k documents). One read transaction: every snapshot is of
    /// the same commit. A large read is also kept for the writer with its search keys (<see cref="CiReadAhead"/>).
    /// </summary>
    /// <remarks>
    /// The ids go to SQLite as one JSON array written as UTF-8 straight into a buffer this thread keeps
    /// (<see cref="IdArray"/>): as a string (<c>SqlText.JsonArray</c>) a discovery chunk of 5,000 ids was a growing
    /// buffer, a 290 kB string on the large-object heap and its UTF-8 copy again, about 1.2 MB of garbage per read.
    /// </remarks>
    private static void ReadCurrentCis(
        SqliteConnection connection, IReadOnlyCollection<string> ids, Dictionary<string, ConfigurationItem> into, CiReadAhead? keep)
    {
        using var tx = connection.BeginTransaction(deferred: true);
        using var read = new Statement(connection, $"SELECT v.doc, c.rid FROM {SqlText.CurrentCi} WHERE c.id IN (SELECT value FROM json_each($ids))", "$ids");
        keep?.Reserve(ids.Count);
        using (var rows = read.Reader(tx, IdArray.Of(ids)))
        {
            while (rows.Read())
            {
                var ci = CiJsonReader.Read(rows.GetUtf8(0));
                into[ci.Id] = ci;
                keep?.Add(ci, rows.GetInt64(1));
            }
        }

        tx.Commit();
    }

    /// <summary>Snapshots large current reads handed out, for the writer to take while they are still current.</summary>
    private readonly CiReadAhead _readAhead = new();

    /// <summary>How many CI snapshots writes took from earlier reads instead of the file (tests; the discovery benchmark reads it by name).</summary>
    internal long CarriedReads => _readAhead.Taken;

    /// <summary>The kept reads themselves (tests put a stale snapshot there to show the writer refuses it).</summary>
    internal CiReadAhead KeptReads => _readAhead;

    public async Task<ConfigurationItem?> FindByIdentifierAsync(string scheme, string value, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        CiRules.ValidateIdentifier(scheme, value, "identifier");
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.Parameters.AddWithValue("$scheme", scheme);
        cmd.Parameters.AddWithValue("$value", value);
        cmd.CommandText = asOf is null
            ? $"SELECT v.doc FROM identifier_current i JOIN {SqlText.CurrentCi} AND c.id = i.ci_id WHERE i.scheme = $scheme AND i.value = $value"
            : $"""
              SELECT v.doc FROM (SELECT ci_id, valid_from_seq, valid_to_seq FROM identifier WHERE scheme = $scheme AND value = $value
                                 UNION ALL
                                 SELECT ci_id, valid_from_seq, NULL FROM identifier_current WHERE scheme = $scheme AND value = $value) i
              JOIN ci_version v ON v.ci_id = i.ci_id
              WHERE {SqlText.ValidAt("i")} AND {SqlText.VersionValidAt("v")}
              """;
        BindSeq(cmd, asOf);
        var doc = await cmd.ExecuteScalarAsync(cancellationToken);
        return doc is string json ? CiJson.Read(json) : null;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Relationship>>> GetRelationshipsAsync(
        IReadOnlyCollection<string> ciIds, Direction direction, IReadOnlyCollection<string>? types, DateTimeOffset? asOf,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        var lists = ciIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new List<Relationship>(), StringComparer.Ordinal);
        if (lists.Count == 0) return new Dictionary<string, IReadOnlyList<Relationship>>();
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        var conditions = asOf is null ? "r.valid_to_seq IS NULL" : SqlText.ValidAt("r");
        if (types is { Count: > 0 })
        {
            cmd.Parameters.AddWithValue("$types", SqlText.JsonArray(types));
            conditions += " AND r.type IN (SELECT value FROM json_each($types))";
        }

        var columns = asOf is null ? RelationshipColumns : RelationshipColumnsAsOf;
        // The CIs' relationships by key from the graph index (the table has no index by CI id since V0008).
        cmd.Parameters.AddWithValue("$keys", RelationshipKeys(lists.Keys, direction));
        cmd.CommandText = $"{columns} WHERE r.id IN (SELECT value FROM json_each($keys)) AND {conditions} ORDER BY r.id";
        BindSeq(cmd, asOf);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var rel = ReadRelationship(r);
            if (direction != Direction.Incoming && lists.TryGetValue(rel.SourceId, out var fromSource)) fromSource.Add(rel);
            var countAtTarget = direction == Direction.Incoming || (direction == Direction.Both && rel.TargetId != rel.SourceId);
            if (countAtTarget && lists.TryGetValue(rel.TargetId, out var toTarget)) toTarget.Add(rel);
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<Relationship>)p.Value, StringComparer.Ordinal);
    }

    public async Task<Relationship?> GetRelationshipAsync(string id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key)) return null;
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"{RelationshipColumns} WHERE r.id = $id";
        cmd.Parameters.AddWithValue("$id", key);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? ReadRelationship(r) : null;
    }

    private static Relationship ReadRelationship(SqliteDataReader r) => new(
        r.GetInt64(0).ToString(CultureInfo.InvariantCulture),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        JsonNode.Parse(r.GetString(4))!.AsObject(),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
        r.GetString(7));

    /// <summary>Binds <c>$seq</c>, the commit in force at <paramref name="asOf"/>, when the read is of the past.</summary>
    private void BindSeq(SqliteCommand cmd, DateTimeOffset? asOf)
    {
        if (asOf is { } t) cmd.Parameters.AddWithValue("$seq", Graph.Commits.SeqAt(t));
    }
}
