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
/// Nodes come first on the calling thread, because edges and identifiers refer to them; meanwhile a second
/// connection computes the digests of the current versions (they need no node map, see <see cref="Load"/>). Then the
/// edges load here while the second connection reads the identifiers: the two touch disjoint state and only read
/// the node map.
/// </remarks>
internal sealed partial class IndexLoader(SqliteConnection connection, ModelCatalog model, GraphIndex graph)
{
    private readonly Utf8Keyed<int> _classes = new();
    private readonly Utf8Keyed<int> _types = new();
    private readonly Utf8Keyed<string> _environments = new();
    private readonly Utf8Keyed<string> _schemes = new();
    private Utf8Keyed<int> _nodes = new();

    /// <summary>Every version of every CI, oldest first (rowid order is commit order); notes the node of each current version.</summary>
    private void LoadNodes(CurrentRows current, CancellationToken cancellationToken)
    {
        var count = Count("SELECT count(*) FROM ci");
        _nodes = new Utf8Keyed<int>(count);
        using var scan = new Statement(connection, "SELECT ci_id, valid_from_seq, doc, rowid, valid_to_seq IS NULL FROM ci_version ORDER BY rowid");
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
            if (r.GetInt64(4) != 0) current.Add(r.GetInt64(3), node);
        }
    }

    /// <summary>
    /// Loads everything: nodes then edges on this thread; digests (while the nodes load) then identifiers on a second
    /// connection (<paramref name="readerConnectionString"/>).
    /// </summary>
    /// <returns>Seconds taken by the nodes, the edges, and the second connection's digests and identifiers.</returns>
    public (double Nodes, double Edges, double Side) Load(string readerConnectionString, CiFingerprints fingerprints, IdentifierMap identifiers, CancellationToken cancellationToken)
    {
        using var nodesLoaded = new ManualResetEventSlim();
        var side = Task.Run(() =>
        {
            var watch = Stopwatch.StartNew();
            using var reader = new SqliteConnection(readerConnectionString);
            reader.Open();
            var digests = ReadDigests(reader, cancellationToken);
            nodesLoaded.Wait(cancellationToken);
            LoadIdentifiers(reader, identifiers);
            return (digests, watch.Elapsed.TotalSeconds);
        }, cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            var current = new CurrentRows();
            LoadNodes(current, cancellationToken);
            var nodes = watch.Elapsed.TotalSeconds;
            nodesLoaded.Set();
            watch.Restart();
            LoadEdges(cancellationToken);
            var edges = watch.Elapsed.TotalSeconds;
            var (digests, sideSeconds) = side.GetAwaiter().GetResult();
            fingerprints.EnsureCapacity(_nodes.Count);
            if (!digests.ApplyTo(current, fingerprints)) LoadFingerprints(connection, fingerprints, cancellationToken);
            return (nodes, edges, sideSeconds);
        }
        finally
        {
            nodesLoaded.Set(); // a failed node load must not leave the side thread waiting
            try
            {
                side.Wait(CancellationToken.None); // never leave the side thread writing after start-up gave up
            }
            catch (AggregateException) when (!side.IsCompletedSuccessfully)
            {
                // its error surfaces through GetResult above, or the first error already propagates
            }
        }
    }

    /// <summary>Each CI's current digest by CI id (of its one open version; the highest wins should a file hold two): the slow path, if the two scans disagree.</summary>
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
