using System.Diagnostics;
using Cmdb.Domain.Graph;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    private readonly List<(string Phase, double Seconds)> _startupPhases = [];

    /// <summary>How long each phase of the last start-up took, in seconds, oldest first (for the benchmarks).</summary>
    internal IReadOnlyList<(string Phase, double Seconds)> StartupPhases => _startupPhases;

    /// <summary>Whether the last start-up took the digests from the scan beside the nodes (false: read again by CI id).</summary>
    internal bool StartupDigestsFromScan { get; private set; }

    /// <summary>Tests only: wraps the identifier load that follows start-up, to delay it or make it fail.</summary>
    internal Action<Action>? AroundIdentifierLoad { get; set; }

    /// <summary>How many nodes the fingerprints hold before their arrays are copied (for tests of the load's room).</summary>
    internal int FingerprintCapacity => _fingerprints.Capacity;

    /// <summary>Seconds the identifiers took to load after the store opened (writes waited for them); NaN until then.</summary>
    internal double IdentifierLoadSeconds { get; private set; } = double.NaN;

    /// <summary>
    /// Rebuilds the in-memory state from the file: node histories, edges with their intervals, fingerprints, commits.
    /// The identifiers follow in <see cref="LoadIdentifiersHoldingWriteGate"/>, with the loader returned here.
    /// </summary>
    private IndexLoader LoadIndex(SqliteConnection connection, GraphIndex graph, Stopwatch watch, CancellationToken cancellationToken)
    {
        var loader = new IndexLoader(connection, Model, graph);
        var times = loader.Load(_fingerprints, cancellationToken);
        _startupPhases.Add(("nodes", times.Nodes));
        _startupPhases.Add(("edges (both connections, bulk)", times.Edges));
        _startupPhases.Add(("digests (second connection, beside the nodes)", times.SideDigests));
        _startupPhases.Add(("edges read by the second connection", times.SideEdges));
        StartupDigestsFromScan = times.DigestsFromScan;
        Phase("all together", watch);

        using (var cmd = connection.CreateCommand())
        {
            // relationship_audit's ids grow with its key (seq, id): its last row holds its largest id; so do ci_created's runs
            // with their first search key.
            cmd.CommandText = """
                SELECT (SELECT coalesce(max(rid), 0) + 1 FROM ci), (SELECT coalesce(max(id), 0) + 1 FROM relationship),
                       max((SELECT coalesce(max(id), 0) FROM audit),
                           coalesce((SELECT id FROM relationship_audit ORDER BY seq DESC, id DESC LIMIT 1), 0),
                           coalesce((SELECT first_audit_id + count - 1 FROM ci_created ORDER BY first_rid DESC LIMIT 1), 0)) + 1
                """;
            using var r = cmd.ExecuteReader();
            r.Read();
            _nextRid = r.GetInt64(0);
            _nextRelationshipId = r.GetInt64(1);
            _nextAuditId = r.GetInt64(2);
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

        Phase("counters and commits", watch);
        return loader;
    }

    /// <summary>
    /// Runs once the store is open, owning the write gate that <see cref="InitializeAsync"/> acquired: reads are served
    /// meanwhile, and writes (the only users of the identifier map) wait until the map is complete. A failure is kept
    /// and refuses every later write, since identifying against a partial map would create duplicate CIs.
    /// </summary>
    private void LoadIdentifiersHoldingWriteGate(IndexLoader loader)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            void Load() => loader.LoadIdentifiers(_identifiers);
            if (AroundIdentifierLoad is { } around) around(Load);
            else Load();
            IdentifierLoadSeconds = watch.Elapsed.TotalSeconds;
        }
#pragma warning disable CA1031 // kept and rethrown to every writer: see ThrowIfIdentifiersMissing
        catch (Exception e)
#pragma warning restore CA1031
        {
            _identifierLoadFailure = e;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Call holding the write gate, before touching the identifier map.</summary>
    private void ThrowIfIdentifiersMissing()
    {
        if (_identifierLoadFailure is { } failure)
        {
            throw new InvalidOperationException(
                $"The store cannot write: its identifier map failed to load at start-up ({failure.Message}). Restart the service.", failure);
        }
    }

    private void Phase(string name, Stopwatch watch)
    {
        _startupPhases.Add((name, watch.Elapsed.TotalSeconds));
        watch.Restart();
    }
}
