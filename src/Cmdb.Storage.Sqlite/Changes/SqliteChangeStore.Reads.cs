using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Changes;

public sealed partial class SqliteChangeStore
{
    /// <summary>The most changes one calendar read returns; a wider period must be narrowed.</summary>
    public const int MaxListed = 1000;

    public async Task<IReadOnlyList<ChangeRecord>> ListAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<ChangeState>? states, CancellationToken cancellationToken)
    {
        if (to <= from) throw CmdbException.Invalid($"The period must end after it starts; it starts {from:O} and ends {to:O}.", "to");
        await using var c = await _db.OpenAsync(cancellationToken);
        using var cmd = Command(c, null, $"""
            SELECT {Columns} FROM change_record WHERE planned_start < $to AND planned_end > $from
            ORDER BY planned_start, id LIMIT $limit
            """);
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$limit", MaxListed + 1);
        var found = new List<ChangeRecord>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var record = Map(r);
            if (states is null || states.Count == 0 || states.Contains(record.State)) found.Add(record);
        }

        if (found.Count > MaxListed)
            throw CmdbException.Invalid($"More than {MaxListed} changes fall in that period; ask for a shorter one.", "to");
        return found;
    }

    public async Task<IReadOnlyList<ChangeOutcomeEntry>> GetOutcomesAsync(
        IReadOnlyCollection<string> ciIds, IReadOnlyCollection<string> classNames, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ciIds);
        ArgumentNullException.ThrowIfNull(classNames);
        await using var c = await _db.OpenAsync(cancellationToken);
        var found = new Dictionary<(string, string), ChangeOutcomeEntry>();
        await ReadOutcomes("ci_id", ciIds);
        await ReadOutcomes("class", classNames);
        return [.. found.Values.OrderBy(e => e.At).ThenBy(e => e.ChangeId, StringComparer.Ordinal).ThenBy(e => e.CiId, StringComparer.Ordinal)];

        async Task ReadOutcomes(string column, IReadOnlyCollection<string> values)
        {
            using var cmd = Command(c, null, $"SELECT change_id, ci_id, class, outcome, at FROM change_outcome WHERE {column} = $v AND at >= $since");
            var v = cmd.Parameters.Add("$v", Microsoft.Data.Sqlite.SqliteType.Text);
            cmd.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                v.Value = value;
                await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await r.ReadAsync(cancellationToken))
                {
                    var e = new ChangeOutcomeEntry(r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<ChangeOutcome>(r.GetString(3)),
                        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)));
                    found[(e.ChangeId, e.CiId)] = e;
                }
            }
        }
    }
}
