using Cmdb.Domain.Graph;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class IndexLoader
{
    /// <summary>Reads every relationship into flat arrays, then hands them to the index in one bulk load (one CSR build, no overlay rows).</summary>
    private void LoadEdges(CancellationToken cancellationToken)
    {
        long maxId;
        using (var max = new Statement(connection, "SELECT coalesce(max(id), 0) FROM relationship"))
        {
            using var m = max.Scan();
            maxId = m.Read() ? m.GetInt64(0) : 0;
        }

        // Ids are unique positive integers, so the largest bounds the count; the slack spares the first writes a doubling.
        var batch = new EdgeBatch((int)Math.Min(Array.MaxLength / 2, maxId + (maxId / 16) + 1024));
        using (var scan = new Statement(connection, "SELECT id, type, source_id, target_id, valid_from_seq, valid_to_seq FROM relationship ORDER BY id"))
        {
            using var r = scan.Scan();
            var n = 0;
            while (r.Read())
            {
                if ((++n & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                var key = r.GetInt64(0);
                var type = TypeIndex(r.GetUtf8(1), key);
                var source = Node(r.GetUtf8(2), key);
                var target = Node(r.GetUtf8(3), key);
                batch.Add(key, source, target, type, r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        graph.LoadEdges(batch);
    }
}
