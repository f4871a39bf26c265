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

    /// <summary>Rebuilds the in-memory state from the file: node histories, edges with their intervals, identifiers, fingerprints, commits.</summary>
    private void LoadIndex(SqliteConnection connection, GraphIndex graph, Stopwatch watch, CancellationToken cancellationToken)
    {
        var loader = new IndexLoader(connection, Model, graph);
        var times = loader.Load(_fingerprints, _identifiers, cancellationToken);
        _startupPhases.Add(("nodes", times.Nodes));
        _startupPhases.Add(("edges (both connections, bulk)", times.Edges));
        _startupPhases.Add(("digests + identifiers (second connection, beside the nodes)", times.SideDigestsAndIdentifiers));
        _startupPhases.Add(("edges read by the second connection", times.SideEdges));
        Phase("all together", watch);

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

        Phase("counters and commits", watch);
    }

    private void Phase(string name, Stopwatch watch)
    {
        _startupPhases.Add((name, watch.Elapsed.TotalSeconds));
        watch.Restart();
    }
}
