using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Discovery;

public sealed partial class SqliteDiscoveryStateStore
{
    private DateTimeOffset _nextPruneAt = DateTimeOffset.MinValue; // written only inside the serialised write

    /// <summary>
    /// At most hourly, forgets run records and conflicts older than the store's retention (a source every 15 minutes
    /// writes 35,000 runs a year). Runs still holding retirements for approval are kept whatever their age.
    /// </summary>
    private void Prune(SqliteConnection c, SqliteTransaction tx, DateTimeOffset now)
    {
        if (now < _nextPruneAt) return;
        _nextPruneAt = now.AddHours(1);
        using var cmd = Command(c, tx, """
            DELETE FROM discovery_run WHERE started_at < $cutoff AND id NOT IN (SELECT run_id FROM discovery_held);
            DELETE FROM discovery_conflict WHERE detected_at < $cutoff;
            """);
        cmd.Parameters.AddWithValue("$cutoff", now.AddDays(-_retentionDays).ToUnixTimeMilliseconds());
        cmd.ExecuteNonQuery();
    }
}
