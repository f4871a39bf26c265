using System.Diagnostics;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Start-up: streams the file into the in-memory index, identifier map and fingerprints. Rows are read through
/// native statements and names are looked up from their UTF-8 text, so the only strings made are the ones kept
/// (one id per CI, one value per identifier); snapshots are scanned without building JSON objects.
/// </summary>
/// <remarks>
/// Nodes come first, because edges, identifiers and fingerprints all refer to them. After that the edges are
/// loaded on the calling thread while a second connection reads fingerprints and identifiers: the two touch
/// disjoint state and only read the node map.
/// </remarks>
internal sealed class IndexLoader(SqliteConnection connection, ModelCatalog model, GraphIndex graph)
{
    private readonly Utf8Keyed<int> _classes = new();
    private readonly Utf8Keyed<int> _types = new();
    private readonly Utf8Keyed<string> _environments = new();
    private readonly Utf8Keyed<string> _schemes = new();
    private Utf8Keyed<int> _nodes = new();

    /// <summary>Every version of every CI, oldest first (rowid order is commit order).</summary>
    public void LoadNodes(CancellationToken cancellationToken)
    {
        var count = Count("SELECT count(*) FROM ci");
        _nodes = new Utf8Keyed<int>(count);
        using var scan = new Statement(connection, "SELECT ci_id, valid_from_seq, doc FROM ci_version ORDER BY rowid");
        using var r = scan.Scan();
        while (r.Read())
        {
            if ((_nodes.Count & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var doc = r.GetUtf8(2);
            var facts = CiFingerprint.FactsOf(doc);
            var classIndex = ClassIndex(doc[facts.Class], r);
            var environment = facts.Environment.End.Value == 0 ? null : Environment(doc[facts.Environment]);
            var idText = r.GetUtf8(0);
            if (!_nodes.TryGet(idText, out var id, out _)) id = Utf8Keyed<int>.NewKey(idText);
            var node = graph.UpsertNode(id, classIndex, facts.Status, environment, facts.Criticality, facts.MinHealthy, r.GetInt32(1));
            _nodes.Add(id, node);
        }
    }

    /// <summary>Edges here, fingerprints and identifiers on a second connection (<paramref name="readerConnectionString"/>) at the same time.</summary>
    /// <returns>How long the edges took, and how long the fingerprints and identifiers took, in seconds.</returns>
    public (double Edges, double Side) LoadRest(string readerConnectionString, CiFingerprints fingerprints, IdentifierMap identifiers, CancellationToken cancellationToken)
    {
        fingerprints.EnsureCapacity(_nodes.Count);
        var side = Task.Run(() =>
        {
            var watch = Stopwatch.StartNew();
            using var reader = new SqliteConnection(readerConnectionString);
            reader.Open();
            LoadFingerprints(reader, fingerprints, cancellationToken);
            LoadIdentifiers(reader, identifiers);
            return watch.Elapsed.TotalSeconds;
        }, cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            LoadEdges(cancellationToken);
            var edges = watch.Elapsed.TotalSeconds;
            return (edges, side.GetAwaiter().GetResult());
        }
        finally
        {
            side.GetAwaiter().GetResult(); // never leave the side thread writing after start-up gave up
        }
    }

    private void LoadEdges(CancellationToken cancellationToken)
    {
        using var scan = new Statement(connection, "SELECT id, type, source_id, target_id, valid_from_seq, valid_to_seq FROM relationship ORDER BY id");
        using var r = scan.Scan();
        var n = 0;
        while (r.Read())
        {
            if ((++n & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var key = r.GetInt64(0);
            var type = TypeIndex(r.GetUtf8(1), key);
            var source = Node(r.GetUtf8(2), key);
            var target = Node(r.GetUtf8(3), key);
            graph.LoadEdge(key, source, target, type, r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5));
        }
    }

    /// <summary>Each CI's current digest (of its one open version; the highest wins should a file hold two).</summary>
    private void LoadFingerprints(SqliteConnection reader, CiFingerprints fingerprints, CancellationToken cancellationToken)
    {
        using var fingerprint = new CiFingerprint();
        using var scan = new Statement(reader, "SELECT ci_id, version, doc FROM ci_version WHERE valid_to_seq IS NULL");
        using var r = scan.Scan();
        var n = 0;
        while (r.Read())
        {
            if ((++n & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (_nodes.TryGet(r.GetUtf8(0), out _, out var node)) fingerprints.SetLatest(node, fingerprint.OfDoc(r.GetUtf8(2)), r.GetInt64(1));
        }
    }

    /// <summary>The identifiers held now; the map shares the index's id strings.</summary>
    private void LoadIdentifiers(SqliteConnection reader, IdentifierMap identifiers)
    {
        using var scan = new Statement(reader, "SELECT scheme, value, ci_id FROM identifier WHERE valid_to_seq IS NULL");
        using var r = scan.Scan();
        while (r.Read())
        {
            var schemeText = r.GetUtf8(0);
            if (!_schemes.TryGet(schemeText, out var scheme, out _))
            {
                scheme = Utf8Keyed<string>.NewKey(schemeText);
                _schemes.Add(scheme, scheme);
            }

            var value = r.GetString(1);
            var idText = r.GetUtf8(2);
            if (!_nodes.TryGet(idText, out var ciId, out _)) ciId = Utf8Keyed<int>.NewKey(idText);
            identifiers.Set(scheme, value, ciId);
        }
    }

    private int Count(string sql)
    {
        using var s = new Statement(connection, sql);
        using var r = s.Scan();
        return r.Read() ? r.GetInt32(0) : 0;
    }

    private int ClassIndex(ReadOnlySpan<byte> name, Statement.Rows row)
    {
        if (_classes.TryGet(name, out _, out var index)) return index;
        var text = Utf8Keyed<int>.NewKey(name);
        if (!model.TryGetClass(text, out var ciClass))
            throw new InvalidOperationException($"CI {row.GetString(0)} is of class '{text}', which the loaded model does not declare.");
        _classes.Add(text, ciClass.Index);
        return ciClass.Index;
    }

    private int TypeIndex(ReadOnlySpan<byte> name, long key)
    {
        if (_types.TryGet(name, out _, out var index)) return index;
        var text = Utf8Keyed<int>.NewKey(name);
        if (!model.TryGetRelationshipType(text, out var type))
            throw new InvalidOperationException($"Relationship {key} is of type '{text}', which the loaded model does not declare.");
        _types.Add(text, type.Index);
        return type.Index;
    }

    private string Environment(ReadOnlySpan<byte> name)
    {
        if (_environments.TryGet(name, out var text, out _)) return text;
        text = Utf8Keyed<string>.NewKey(name);
        _environments.Add(text, text);
        return text;
    }

    private int Node(ReadOnlySpan<byte> id, long key) =>
        _nodes.TryGet(id, out _, out var node)
            ? node
            : throw new InvalidOperationException($"Relationship {key} names CI {Utf8Keyed<int>.NewKey(id)}, which the file does not hold.");
}
