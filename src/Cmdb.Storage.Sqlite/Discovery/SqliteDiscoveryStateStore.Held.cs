using Cmdb.Domain.Discovery;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Discovery;

public sealed partial class SqliteDiscoveryStateStore
{
    private static readonly string[] HeldParameters = ["$run", "$source", "$scope", "$ci", "$reason"];

    public Task AddHeldAsync(IReadOnlyList<HeldRetirement> held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        if (held.Count == 0) return Task.CompletedTask;
        return WriteAsync((c, tx) =>
        {
            using var cmd = Command(c, tx, """
                INSERT OR REPLACE INTO discovery_held (run_id, source, scope, ci_id, reason) VALUES ($run, $source, $scope, $ci, $reason)
                """);
            var p = HeldParameters.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
            foreach (var h in held)
            {
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value) = (h.RunId, h.Source, h.Scope, h.CiId, h.Reason);
                cmd.ExecuteNonQuery();
            }
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetHeldRunIdsAsync(CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, "SELECT DISTINCT run_id FROM discovery_held ORDER BY run_id DESC");
        var ids = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) ids.Add(r.GetString(0));
        return ids;
    }

    public async Task<IReadOnlyList<HeldRetirement>> GetHeldAsync(string runId, CancellationToken cancellationToken)
    {
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, "SELECT run_id, source, scope, ci_id, reason FROM discovery_held WHERE run_id = $run ORDER BY scope, ci_id");
        cmd.Parameters.AddWithValue("$run", runId);
        var found = new List<HeldRetirement>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
            found.Add(new HeldRetirement(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        return found;
    }

    public Task ClearHeldAsync(string runId, CancellationToken cancellationToken) =>
        WriteAsync((c, tx) =>
        {
            using var cmd = Command(c, tx, "DELETE FROM discovery_held WHERE run_id = $run");
            cmd.Parameters.AddWithValue("$run", runId);
            cmd.ExecuteNonQuery();
        }, cancellationToken);
}
