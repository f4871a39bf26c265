using Cmdb.Domain.Incidents;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Incidents;

public sealed partial class SqliteIncidentStore
{
    /// <summary>The most incidents one CI's list returns (newest first).</summary>
    public const int MaxPerCi = 100;

    public Task<Page<Incident>> ListAsync(IReadOnlyCollection<IncidentState>? states, int first, string? after, CancellationToken cancellationToken)
    {
        var wanted = states is { Count: > 0 } ? states.Distinct().Select(s => s.ToString()).ToList() : null;
        var stateSql = wanted is null ? "1 = 1" : $"state IN ({string.Join(", ", wanted.Select((_, i) => $"$s{i}"))})";
        return _db.PageAsync(
            "incident", Columns, stateSql,
            p =>
            {
                for (var i = 0; wanted is not null && i < wanted.Count; i++) p.AddWithValue($"$s{i}", wanted[i]);
            },
            'i', first, after, Map, i => i.Id, (c, i) => i with { Symptoms = ReadSymptoms(c, null, i.Id) }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Incident>>> GetForCisAsync(
        IReadOnlyCollection<string> ciIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, """
            SELECT incident_id FROM incident_symptom WHERE ci_id = $ci
            UNION SELECT id FROM incident WHERE root_cause_ci_id = $ci
            ORDER BY 1 DESC LIMIT $limit
            """);
        var ci = cmd.Parameters.Add("$ci", SqliteType.Text);
        cmd.Parameters.AddWithValue("$limit", MaxPerCi);
        var loaded = new Dictionary<string, Incident>(StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<Incident>>(StringComparer.Ordinal);
        foreach (var id in ciIds.Distinct(StringComparer.Ordinal))
        {
            ci.Value = id;
            var ids = new List<string>();
            await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            {
                while (await r.ReadAsync(cancellationToken)) ids.Add(r.GetString(0));
            }

            if (ids.Count == 0) continue;
            var list = new List<Incident>(ids.Count);
            foreach (var incidentId in ids)
            {
                if (!loaded.TryGetValue(incidentId, out var incident) && Read(c, null, incidentId) is { } read) loaded[incidentId] = incident = read;
                if (incident is not null) list.Add(incident);
            }

            result[id] = list;
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, int>> GetRootCauseCountsAsync(
        IReadOnlyCollection<string> ciIds, DateTimeOffset before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, """
            SELECT count(*) FROM incident
            WHERE root_cause_ci_id = $ci AND resolved_at < $before AND state IN ('Resolved', 'Closed')
            """);
        var ci = cmd.Parameters.Add("$ci", SqliteType.Text);
        cmd.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ciIds.Distinct(StringComparer.Ordinal))
        {
            ci.Value = id;
            var n = Convert.ToInt32((long)(await cmd.ExecuteScalarAsync(cancellationToken))!);
            if (n > 0) counts[id] = n;
        }

        return counts;
    }
}
