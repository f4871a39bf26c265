using Cmdb.Domain.Discovery;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Discovery;

public sealed partial class SqliteDiscoveryStateStore
{
    public Task SaveRunAsync(StoredRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return WriteAsync((c, tx) =>
        {
            using var cmd = Command(c, tx, """
                INSERT INTO discovery_run (id, source, started_at, record) VALUES ($id, $source, $at, $record)
                ON CONFLICT (id) DO UPDATE SET record = excluded.record
                """);
            cmd.Parameters.AddWithValue("$id", run.Id);
            cmd.Parameters.AddWithValue("$source", run.Source);
            cmd.Parameters.AddWithValue("$at", run.StartedAt.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$record", run.Json);
            cmd.ExecuteNonQuery();
            Prune(c, tx, run.StartedAt);
        }, cancellationToken);
    }

    public async Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, "SELECT id, source, started_at, record FROM discovery_run WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", runId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? MapRun(r) : null;
    }

    public Task<Page<StoredRun>> GetRunsAsync(string? source, int first, string? after, CancellationToken cancellationToken) =>
        _db.PageAsync(
            "discovery_run", "id, source, started_at, record", SourceFilter, p => BindSource(p, source), 'r', first, after,
            MapRun, run => run.Id, null, cancellationToken);

    public async Task<IReadOnlyList<StoredRun>> GetLastRunsAsync(CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, """
            SELECT r.id, r.source, r.started_at, r.record FROM discovery_run r
            JOIN (SELECT source, MAX(id) AS id FROM discovery_run GROUP BY source) latest ON latest.id = r.id
            ORDER BY r.source
            """);
        var runs = new List<StoredRun>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) runs.Add(MapRun(r));
        return runs;
    }

    public Task AddConflictsAsync(IReadOnlyList<StoredConflict> conflicts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 0) return Task.CompletedTask;
        return WriteAsync((c, tx) =>
        {
            using var cmd = Command(c, tx, """
                INSERT OR REPLACE INTO discovery_conflict (id, source, run_id, detected_at, record) VALUES ($id, $source, $run, $at, $record)
                """);
            var id = cmd.Parameters.Add("$id", SqliteType.Text);
            var source = cmd.Parameters.Add("$source", SqliteType.Text);
            var run = cmd.Parameters.Add("$run", SqliteType.Text);
            var at = cmd.Parameters.Add("$at", SqliteType.Integer);
            var record = cmd.Parameters.Add("$record", SqliteType.Text);
            foreach (var conflict in conflicts)
            {
                (id.Value, source.Value, run.Value) = (conflict.Id, conflict.Source, conflict.RunId);
                (at.Value, record.Value) = (conflict.DetectedAt.ToUnixTimeMilliseconds(), conflict.Json);
                cmd.ExecuteNonQuery();
            }
        }, cancellationToken);
    }

    public Task<Page<StoredConflict>> GetConflictsAsync(string? source, int first, string? after, CancellationToken cancellationToken) =>
        _db.PageAsync(
            "discovery_conflict", "id, source, run_id, detected_at, record", SourceFilter, p => BindSource(p, source), 'x', first, after,
            r => new StoredConflict(r.GetString(0), r.GetString(1), r.GetString(2), Time(r.GetInt64(3)), r.GetString(4)), x => x.Id, null,
            cancellationToken);

    private const string SourceFilter = "($source IS NULL OR source = $source)";

    private static void BindSource(SqliteParameterCollection parameters, string? source) =>
        parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);

    private static StoredRun MapRun(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), Time(r.GetInt64(2)), r.GetString(3));
}
