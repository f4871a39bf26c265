using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    /// <summary>
    /// Reads id, class and name from the <c>ci</c> row (it holds the current version's columns), so no document is read or parsed.
    /// A read of the past needs the version document, so it falls back to the full read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CiHeader>> GetCiHeadersAsync(
        IReadOnlyCollection<string> ids, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new Dictionary<string, CiHeader>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0) return result;
        if (asOf is not null)
        {
            foreach (var (id, ci) in await GetCisAsync(ids, asOf, cancellationToken)) result[id] = new CiHeader(ci.Id, ci.Class, ci.Name);
            return result;
        }

        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.Parameters.AddWithValue("$ids", SqlText.JsonArray(ids));
        cmd.CommandText = $"SELECT c.id, c.class, c.name FROM ci c WHERE c.id IN (SELECT value FROM json_each($ids))";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var header = new CiHeader(r.GetString(0), r.GetString(1), r.GetString(2));
            result[header.Id] = header;
        }

        return result;
    }
}
