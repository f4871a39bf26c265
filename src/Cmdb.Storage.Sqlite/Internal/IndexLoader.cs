using System.Diagnostics;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Start-up: streams the file into the in-memory index, identifier map and fingerprints. Rows are read through
/// native statements; CI ids are parsed from their UTF-8 text into 16-byte ULID values and other names looked up
/// from their UTF-8 text, so the only strings made are the ones kept (one value per identifier); snapshots are
/// scanned without building JSON objects.
/// </summary>
/// <remarks>
/// Nodes come first on the calling thread, because edges and identifiers refer to them; meanwhile a second
/// connection computes the digests of the current versions (they need no node map, see <see cref="Load"/>). Then the
/// second connection joins this one on the edges (see <see cref="EdgeChunks"/>). After the nodes, both only read the
/// node map. Identifiers are loaded afterwards (<see cref="LoadIdentifiers(IdentifierMap)"/>): only writes need them,
/// so the store serves reads while they load and holds its write gate until they are in.
/// </remarks>
internal sealed partial class IndexLoader(SqliteConnection connection, ModelCatalog model, GraphIndex graph)
{
    private readonly Utf8Keyed<int> _classes = new();
    private readonly Utf8Keyed<string> _environments = new();

    /// <summary>
    /// The per-node arrays a load sizes: its CIs and an eighth more. Sized exactly, the first batch after a start that
    /// created a CI copied them all (at 1M CIs, the node arrays and fingerprints: about 140 MB allocated and 0.2 s on
    /// the batch's thread); an eighth costs about 8 MB at 1M and covers a few runs' new CIs before the first copy.
    /// </summary>
    internal static int WithRoom(int nodes) => (int)Math.Min(Array.MaxLength, nodes + (nodes / 8L));

    /// <summary>
    /// Every version of every CI, oldest first (rowid order is commit order, so a CI's later versions come after its
    /// earlier ones); notes the node of each current version: each CI's last row (V0013: no stored end marks it).
    /// </summary>
    private void LoadNodes(StartupConnection db, CurrentRows current, CancellationToken cancellationToken)
    {
        graph.ReserveNodes(WithRoom(Count(db, "SELECT count(*) FROM ci")));
        using var r = db.Query("SELECT ci_id, valid_from_seq, doc, rowid FROM ci_version ORDER BY rowid");
        var n = 0;
        while (r.Read())
        {
            if ((++n & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var doc = r.GetUtf8(2, 0);
            var facts = CiFingerprint.FactsOf(doc);
            var classIndex = ClassIndex(doc[facts.Class], r);
            var environment = facts.Environment.End.Value == 0 ? null : Environment(doc[facts.Environment]);
            var idText = r.GetUtf8(0, 1);
            var seq = r.GetInt32(1);
            var node = UlidText.TryParse(idText, out var ulid) // the store's own ids: no string per CI
                ? graph.UpsertNode(ulid, classIndex, facts.Status, environment, facts.Criticality, facts.MinHealthy, seq)
                : graph.UpsertNode(Utf8Keyed<int>.NewKey(idText), classIndex, facts.Status, environment, facts.Criticality, facts.MinHealthy, seq);
            current.Add(r.GetInt64(3), node);
        }

        current.KeepLastOfEachNode(graph.NodeCount);
    }

    /// <summary>
    /// Loads the index and fingerprints: nodes on this thread while a second connection computes the digests; then
    /// edges on both connections (by id range) as each gets free. Both are <see cref="StartupConnection"/>s on the
    /// writer's file.
    /// </summary>
    public LoadTimes Load(CiFingerprints fingerprints, CancellationToken cancellationToken)
    {
        using var nodesLoaded = new ManualResetEventSlim();
        EdgeChunks? chunks = null; // set before nodesLoaded, which publishes it to the side thread
        var path = connection.DataSource; // the writer's file: both start-up connections read it, without the writer's mutex
        var side = Task.Run(() =>
        {
            var watch = Stopwatch.StartNew();
            using var reader = new StartupConnection(path);
            var digests = ReadDigests(reader, cancellationToken);
            nodesLoaded.Wait(cancellationToken);
            if (chunks is null) return (digests, 0.0, 0.0); // the node load failed
            var own = watch.Elapsed.TotalSeconds;
            ReadEdges(reader, chunks, cancellationToken);
            return (digests, own, watch.Elapsed.TotalSeconds - own);
        }, cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            using var own = new StartupConnection(path);
            var current = new CurrentRows();
            LoadNodes(own, current, cancellationToken);
            var nodes = watch.Elapsed.TotalSeconds;
            watch.Restart();
            chunks = PlanEdges();
            nodesLoaded.Set();
            ReadEdges(own, chunks, cancellationToken);
            var (digests, sideOwn, sideEdges) = side.GetAwaiter().GetResult();
            cancellationToken.ThrowIfCancellationRequested();
            FinishEdges(chunks);
            var edges = watch.Elapsed.TotalSeconds;
            fingerprints.EnsureCapacity(WithRoom(graph.NodeCount));
            var fromScan = digests.ApplyTo(current, fingerprints);
            if (!fromScan) LoadFingerprints(own, fingerprints, cancellationToken);
            return new LoadTimes(nodes, edges, sideOwn, sideEdges, fromScan);
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

    /// <summary>Each CI's current digest by CI id (of its highest version, V0014): the slow path, if the two scans disagree.</summary>
    private void LoadFingerprints(StartupConnection db, CiFingerprints fingerprints, CancellationToken cancellationToken)
    {
        using var fingerprint = new CiFingerprint();
        using var r = db.Query($"SELECT v.ci_id, v.version, v.doc FROM {SqlText.CurrentCi}");
        var n = 0;
        while (r.Read())
        {
            if ((++n & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (TryNode(r.GetUtf8(0, 1), out var node)) fingerprints.SetLatest(node, fingerprint.OfDoc(r.GetUtf8(2, 0)), r.GetInt64(1));
        }
    }

    /// <summary>
    /// After <see cref="Load"/>: the identifiers held now, on a connection of its own; the map names each holder by its
    /// node. The caller must keep writers out until it returns (the index's name map is not safe against a write).
    /// </summary>
    public void LoadIdentifiers(IdentifierMap identifiers)
    {
        identifiers.Bind(graph);
        using var db = new StartupConnection(connection.DataSource);
        identifiers.EnsureCapacity(graph.NodeCount + (graph.NodeCount / 4)); // about one per CI in practice
        using var r = db.Query("SELECT scheme, value, ci_id FROM identifier_current");
        var schemes = new List<(byte[] Utf8, string Text)>(); // a handful: a scan beats decoding and hashing the name
        while (r.Read())
        {
            var scheme = Scheme(schemes, r.GetUtf8(0, 0));

            var value = r.GetString(1);
            var idText = r.GetUtf8(2, 1);
            if (TryNode(idText, out var node)) identifiers.Set(scheme, value, node);
            else identifiers.Set(scheme, value, Utf8Keyed<int>.NewKey(idText));
        }
    }

    private static string Scheme(List<(byte[] Utf8, string Text)> schemes, ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, text) in schemes)
        {
            if (utf8.SequenceEqual(bytes)) return text;
        }

        var scheme = Utf8Keyed<string>.NewKey(utf8);
        schemes.Add((utf8.ToArray(), scheme));
        return scheme;
    }

    private static int Count(StartupConnection db, string sql)
    {
        using var r = db.Query(sql);
        return r.Read() ? r.GetInt32(0) : 0;
    }

    private int ClassIndex(ReadOnlySpan<byte> name, StartupRows row)
    {
        if (_classes.TryGet(name, out _, out var index)) return index;
        var text = Utf8Keyed<int>.NewKey(name);
        if (!model.TryGetClass(text, out var ciClass))
            throw new InvalidOperationException($"CI {row.GetString(0)} is of class '{text}', which the loaded model does not declare.");
        _classes.Add(text, ciClass.Index);
        return ciClass.Index;
    }

    private string Environment(ReadOnlySpan<byte> name)
    {
        if (_environments.TryGet(name, out var text, out _)) return text;
        text = Utf8Keyed<string>.NewKey(name);
        _environments.Add(text, text);
        return text;
    }

    /// <summary>The node of a CI id read from the file; lock-free for ULIDs, so both connections may call it.</summary>
    private bool TryNode(ReadOnlySpan<byte> id, out int node) =>
        UlidText.TryParse(id, out var ulid) ? graph.TryGetNode(ulid, out node) : graph.TryGetNode(Utf8Keyed<int>.NewKey(id), out node);
}
