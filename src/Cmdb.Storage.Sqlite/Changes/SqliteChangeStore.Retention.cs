using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Changes;

public sealed partial class SqliteChangeStore
{
    // Closed = nothing can happen to it any more. Live changes are never pruned, however old their window.
    private const string Closed = """
        SELECT id FROM change_record
        WHERE state IN ('Completed', 'Failed', 'RolledBack', 'Cancelled') AND planned_end < $horizon
        """;

    private static readonly string[] DependentTables = ["change_audit", "change_outcome", "change_target"];

    private readonly SemaphoreSlim _pruneGate = new(1, 1);
    private volatile bool _pruned;

    /// <summary>How many closed changes the first open removed (-1 until then).</summary>
    public int PrunedChanges { get; private set; } = -1;

    /// <summary>
    /// On first use, forgets closed changes (completed, failed, rolled back, cancelled) whose window ended more than
    /// <see cref="SqliteStorageOptions.RetentionDays"/> ago — the same retention as CI history — with their targets,
    /// outcome history and audit rows, in one transaction. Outcomes go with their change, so the failure-rate factor
    /// and changeSuccessRate always count the same, retained, changes.
    /// </summary>
    private async Task PruneOnceAsync(SqliteConnection c, CancellationToken cancellationToken)
    {
        if (_pruned) return;
        await _pruneGate.WaitAsync(cancellationToken);
        try
        {
            if (_pruned) return;
            PrunedChanges = Prune(c, _time.GetUtcNow().AddDays(-_retentionDays));
            _pruned = true;
        }
        finally
        {
            _pruneGate.Release();
        }
    }

    private static int Prune(SqliteConnection c, DateTimeOffset horizon)
    {
        using var tx = c.BeginTransaction(deferred: false);
        foreach (var table in DependentTables) Execute($"DELETE FROM {table} WHERE change_id IN ({Closed})");
        var pruned = Execute($"DELETE FROM change_record WHERE id IN ({Closed})");
        tx.Commit();
        return pruned;

        int Execute(string sql)
        {
            using var cmd = Command(c, tx, sql);
            cmd.Parameters.AddWithValue("$horizon", horizon.ToUnixTimeMilliseconds());
            return cmd.ExecuteNonQuery();
        }
    }
}
