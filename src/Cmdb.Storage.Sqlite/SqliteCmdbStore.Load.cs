using Cmdb.Domain.Graph;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    /// <summary>Rebuilds the in-memory state from the file: node histories, edges with their intervals, identifiers, commits.</summary>
    private void LoadIndex(SqliteConnection connection, GraphIndex graph, CancellationToken cancellationToken)
    {
        using (var cmd = connection.CreateCommand())
        {
            // Rowid order is commit order, so each CI's states arrive oldest first.
            cmd.CommandText = """
                SELECT ci_id, valid_from_seq, doc ->> '$.class', doc ->> '$.status', doc ->> '$.environment',
                       doc ->> '$.criticality', doc ->> '$.minHealthy'
                FROM ci_version ORDER BY rowid
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var className = r.GetString(2);
                if (!Model.TryGetClass(className, out var ciClass))
                    throw new InvalidOperationException($"CI {r.GetString(0)} is of class '{className}', which the loaded model does not declare.");
                graph.UpsertNode(
                    r.GetString(0), ciClass.Index, CiJson.ParseStatus(r.GetString(3)), r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetInt32(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.GetInt32(1));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, type, source_id, target_id, valid_from_seq, valid_to_seq FROM relationship ORDER BY id";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var typeName = r.GetString(1);
                if (!Model.TryGetRelationshipType(typeName, out var type))
                    throw new InvalidOperationException($"Relationship {r.GetInt64(0)} is of type '{typeName}', which the loaded model does not declare.");
                graph.TryGetNode(r.GetString(2), out var source);
                graph.TryGetNode(r.GetString(3), out var target);
                graph.LoadEdge(r.GetInt64(0), source, target, type.Index, r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5));
            }
        }

        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT scheme, value, ci_id FROM identifier WHERE valid_to_seq IS NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                // Share the index's id string: a million CIs would otherwise hold a second copy of every id.
                var ciId = r.GetString(2);
                if (graph.TryGetNode(ciId, out var node)) ciId = graph.CiId(node);
                _identifiers.Set(r.GetString(0), r.GetString(1), ciId);
            }
        }

        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT (SELECT coalesce(max(rid), 0) + 1 FROM ci), (SELECT coalesce(max(id), 0) + 1 FROM relationship)";
            using var r = cmd.ExecuteReader();
            r.Read();
            _nextRid = r.GetInt64(0);
            _nextRelationshipId = r.GetInt64(1);
        }

        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT seq, at FROM txn ORDER BY seq";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                _lastSeq = r.GetInt32(0);
                _lastAtMs = r.GetInt64(1);
                graph.Commits.Append(_lastSeq, DateTimeOffset.FromUnixTimeMilliseconds(_lastAtMs));
            }
        }
    }
}
