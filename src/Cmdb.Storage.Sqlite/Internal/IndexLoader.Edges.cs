using System.Globalization;
using System.Text;
using Cmdb.Domain.Graph;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <remarks>
/// Edges are read in id ranges (<see cref="EdgeChunks"/>) that both connections take in turn, each writing straight
/// into the final arrays: a range of ids can hold at most as many rows as ids, so the rows of range c start at
/// c × range size, and the gaps left by missing ids are closed in one pass at the end. Ends are found by their ULID
/// value (no string, no lock), types by their UTF-8 name.
/// </remarks>
internal sealed partial class IndexLoader
{
    private const string EdgeColumns = "SELECT id, type, source_id, target_id, valid_from_seq, valid_to_seq FROM relationship";
    private (byte[] Name, int Index)[]? _typeNames;

    /// <summary>Plans the range reads: one batch sized from the id range (plus 1/32 room for later writes).</summary>
    private EdgeChunks PlanEdges()
    {
        using var bounds = new Statement(connection, "SELECT coalesce(min(id), 1), coalesce(max(id), 0) FROM relationship");
        using var b = bounds.Scan();
        b.Read();
        _typeNames = [.. model.RelationshipTypes.Select(t => (Encoding.UTF8.GetBytes(t.Name), t.Index))];
        return new EdgeChunks(b.GetInt64(0), b.GetInt64(1));
    }

    /// <summary>Reads ranges until none is left; runs on each connection at once.</summary>
    private void ReadEdges(StartupConnection reader, EdgeChunks chunks, CancellationToken cancellationToken)
    {
        while (chunks.TryTake(out var chunk))
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunks.Done(chunk, ReadChunk(reader, chunks, chunk));
            }
            catch
            {
                chunks.Stop(); // the other connection stops too; the error surfaces from here
                throw;
            }
        }
    }

    /// <summary>Reads one id range into its rows of the batch; returns how many rows it held.</summary>
    private int ReadChunk(StartupConnection reader, EdgeChunks chunks, int chunk)
    {
        var (from, to) = chunks.Ids(chunk);
        var sql = string.Create(CultureInfo.InvariantCulture, $"{EdgeColumns} WHERE id >= {from} AND id < {to} ORDER BY id");
        using var r = reader.Query(sql);
        var batch = chunks.Batch;
        var first = chunks.FirstRow(chunk);
        var at = first;
        Span<byte> lastSource = stackalloc byte[UlidText.Length]; // a CI's relationships are mostly written together
        var lastSourceLength = -1;
        var lastSourceNode = -1;
        while (r.Read())
        {
            var key = r.GetInt64(0);
            var type = TypeIndex(r.GetUtf8(1, 0), key);
            var sourceText = r.GetUtf8(2, 1);
            int source;
            if (sourceText.Length == lastSourceLength && sourceText.SequenceEqual(lastSource[..lastSourceLength]))
            {
                source = lastSourceNode;
            }
            else
            {
                source = lastSourceNode = Node(sourceText, key);
                lastSourceLength = sourceText.Length <= lastSource.Length ? sourceText.Length : -1;
                if (lastSourceLength > 0) sourceText.CopyTo(lastSource);
            }

            var target = Node(r.GetUtf8(3, 2), key);
            batch.Set(at++, key, source, target, type, r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5));
        }

        return at - first;
    }

    /// <summary>Closes the gaps between ranges and hands every edge to the index in one bulk load (one CSR build).</summary>
    private void FinishEdges(EdgeChunks chunks)
    {
        var batch = chunks.Close();
        if (batch.Capacity > batch.Count + (batch.Count / 8) + 4096) batch = Trimmed(batch); // ids far sparser than rows
        graph.LoadEdges(batch);
    }

    private static EdgeBatch Trimmed(EdgeBatch from)
    {
        var to = new EdgeBatch(from.Count + (from.Count / 16) + 1024, wideKeys: true);
        for (var i = 0; i < from.Count; i++)
        {
            var validTo = from.ValidTo[i];
            to.Add(from.Key(i), from.Source[i], from.Target[i], from.Type[i], from.ValidFrom[i], validTo == int.MaxValue ? null : validTo);
        }

        return to;
    }

    private int TypeIndex(ReadOnlySpan<byte> name, long key)
    {
        foreach (var (text, index) in _typeNames!)
        {
            if (name.SequenceEqual(text)) return index;
        }

        throw new InvalidOperationException($"Relationship {key} is of type '{Encoding.UTF8.GetString(name)}', which the loaded model does not declare.");
    }

    private int Node(ReadOnlySpan<byte> id, long key) =>
        TryNode(id, out var node)
            ? node
            : throw new InvalidOperationException($"Relationship {key} names CI {Encoding.UTF8.GetString(id)}, which the file does not hold.");
}
