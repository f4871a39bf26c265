using System.Buffers;
using System.Text;
using System.Text.Json;
using Cmdb.Domain.Relationships;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    /// <summary>
    /// A relationship_audit row (alias <c>ra</c>, joined to its relationship <c>r</c>) in the columns of an audit row:
    /// id, seq, operation, entity kind (<c>$kind</c>), entity id, changes, ci_a, ci_b. Null changes (a new relationship
    /// without attributes) read as the type alone, which <c>AuditJson.Read</c> expands with source and target.
    /// </summary>
    private const string RelationshipAuditColumns = """
        SELECT ra.id, ra.seq, ra.operation, $kind, CAST(ra.relationship_id AS TEXT), coalesce(ra.changes, json_quote(r.type)),
               r.source_id, r.target_id
        FROM relationship_audit ra JOIN relationship r ON r.id = ra.relationship_id
        """;

    /// <summary>
    /// The keys of every relationship the file holds at these CIs' ends (removed ones included), as a JSON array for
    /// <c>json_each</c>, found through the graph index: the relationship table has no index by CI id (V0008), since a bulk
    /// import paid two scattered B-tree inserts per relationship for it. The index holds every relationship row the
    /// file has, and after a commit it is published before <c>ApplyAsync</c> returns, so a read after a write finds it.
    /// </summary>
    private string RelationshipKeys(IEnumerable<string> ciIds, Direction direction)
    {
        var graph = Graph;
        var keys = new HashSet<long>();
        foreach (var id in ciIds)
        {
            if (!graph.TryGetNode(id, out var node)) continue;
            if (direction != Direction.Incoming)
            {
                foreach (var edge in graph.OutEdges(node)) keys.Add(graph.Key(edge));
            }

            if (direction != Direction.Outgoing)
            {
                foreach (var edge in graph.InEdges(node)) keys.Add(graph.Key(edge));
            }
        }

        var buffer = new ArrayBufferWriter<byte>(16 + keys.Count * 8);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var key in keys) w.WriteNumberValue(key);
            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
