using Cmdb.Domain.Discovery;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Discovery;

/// <summary>
/// <see cref="IDiscoveryStateStore"/> over the same SQLite file as <see cref="SqliteCmdbStore"/> (whose migrations
/// create its tables). Writes are serialised by a semaphore and each runs in one IMMEDIATE transaction, committed as the
/// CMDB store's writer commits (<c>synchronous=NORMAL</c>, the WAL copied back on another thread: <see cref="WriteSettings"/>).
/// </summary>
public sealed partial class SqliteDiscoveryStateStore : IDiscoveryStateStore, IDisposable
{
    private readonly SideStoreDatabase _db;
    private readonly int _retentionDays;

    public SqliteDiscoveryStateStore(SqliteStorageOptions options, ICmdbStore cmdb)
    {
        _db = new SideStoreDatabase(options, cmdb);
        _retentionDays = options.RetentionDays;
    }

    public void Dispose()
    {
        WaitForCheckpoint(); // a write may have handed one off
        _db.Dispose();
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SourceSighting>>> GetSourcesAsync(
        IReadOnlyCollection<string> ciIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        var found = new Dictionary<string, IReadOnlyList<SourceSighting>>(StringComparer.Ordinal);
        if (ciIds.Count == 0) return found;
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, $"""
            SELECT s.ci_id, s.source, MIN(s.first_seen), MAX({EffectiveLastSeen})
            FROM discovery_sighting s LEFT JOIN discovery_scope sc ON sc.source = s.source AND sc.scope = s.scope
            WHERE s.ci_id IN (SELECT value FROM json_each($ids)) GROUP BY s.ci_id, s.source ORDER BY s.ci_id, s.source
            """);
        cmd.Parameters.AddWithValue("$ids", JsonIds(ciIds));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var lists = new Dictionary<string, List<SourceSighting>>(StringComparer.Ordinal);
        while (await r.ReadAsync(cancellationToken))
        {
            var ci = r.GetString(0);
            if (!lists.TryGetValue(ci, out var list)) lists[ci] = list = [];
            list.Add(new SourceSighting(r.GetString(1), Time(r.GetInt64(2)), Time(r.GetInt64(3))));
        }

        foreach (var (ci, list) in lists) found[ci] = list;
        return found;
    }

    /// <summary>
    /// One IMMEDIATE transaction, committed as the CMDB store's writer commits (see <see cref="WriteSettings"/>).
    /// </summary>
    private async Task WriteAsync(Action<SqliteConnection, SqliteTransaction> write, CancellationToken cancellationToken) =>
        await _db.WriteAsync((c, tx) =>
        {
            write(c, tx);
            return true;
        }, new WriteSettings(this), cancellationToken);

    private static string JsonIds(IEnumerable<string> ids) => System.Text.Json.JsonSerializer.Serialize(ids);

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
