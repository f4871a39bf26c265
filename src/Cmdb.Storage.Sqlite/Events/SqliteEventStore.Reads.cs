using Cmdb.Domain.Events;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Events;

public sealed partial class SqliteEventStore
{
    /// <summary>The most events one CI's list returns (newest start first).</summary>
    public const int MaxPerCi = 200;

    public async Task<MonitoringEvent?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, $"SELECT {Columns} FROM monitoring_event WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", id);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? Map(r) : null;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MonitoringEvent>>> GetForCisAsync(
        IReadOnlyCollection<string> ciIds, DateTimeOffset? from, DateTimeOffset? to, bool firingOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, $"""
            SELECT {Columns} FROM monitoring_event
            WHERE ci_id = $ci AND ($to IS NULL OR starts_at < $to) AND ($from IS NULL OR ends_at IS NULL OR ends_at > $from)
              AND ($firing = 0 OR status = 'Firing')
            ORDER BY starts_at DESC, id DESC LIMIT $limit
            """);
        var ci = cmd.Parameters.Add("$ci", SqliteType.Text);
        cmd.Parameters.AddWithValue("$from", (object?)from?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)to?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$firing", firingOnly ? 1 : 0);
        cmd.Parameters.AddWithValue("$limit", MaxPerCi);
        var result = new Dictionary<string, IReadOnlyList<MonitoringEvent>>(StringComparer.Ordinal);
        foreach (var id in ciIds.Distinct(StringComparer.Ordinal))
        {
            ci.Value = id;
            var list = new List<MonitoringEvent>();
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            {
                while (await r.ReadAsync(cancellationToken)) list.Add(Map(r));
            }

            if (list.Count > 0) result[id] = list;
        }

        return result;
    }

    public async Task<Page<MonitoringEvent>> ListAsync(EventFilter filter, int first, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        const string Where = """
            ($ci IS NULL OR ci_id = $ci) AND ($unmapped = 0 OR ci_id IS NULL) AND ($status IS NULL OR status = $status)
            """;
        return await _db.PageAsync(
            "monitoring_event", Columns, Where,
            p =>
            {
                p.AddWithValue("$ci", (object?)filter.CiId ?? DBNull.Value);
                p.AddWithValue("$unmapped", filter.UnmappedOnly ? 1 : 0);
                p.AddWithValue("$status", (object?)filter.Status?.ToString() ?? DBNull.Value);
            },
            'e', first, after, Map, e => e.Id, null, cancellationToken);
    }
}
