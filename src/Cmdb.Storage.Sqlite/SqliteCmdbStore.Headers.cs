using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    /// <summary>Reads of more CIs than this (an impact export) are not cached: they would flush the hot set.</summary>
    private const int MaxCachedHeaderRead = 4096;

    private readonly CiHeaderCache _headerCache = new(CiHeaderCache.DefaultCapacity);

    /// <summary>The header cache, for tests.</summary>
    internal CiHeaderCache HeaderCache => _headerCache;

    /// <summary>
    /// Reads id, class and name from the <c>ci</c> row (it holds the current version's columns), so no document is read or parsed.
    /// Current headers are served from <see cref="CiHeaderCache"/> while no write has been published since they were read.
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

        var latest = Graph.Commits.Latest;
        List<string>? missing = null;
        foreach (var id in ids)
        {
            if (_headerCache.TryGet(id, latest, out var header)) result[id] = header;
            else (missing ??= []).Add(id);
        }

        if (missing is null) return result;
        var hits = result.Count;
        var snapshot = await ReadHeadersAsync(missing, result, cancellationToken);
        if (snapshot > latest && hits > 0)
        {
            // A write committed after the cached entries' commit and before this read: read everything at one moment,
            // so the answer never mixes the states before and after one write.
            result.Clear();
            await ReadHeadersAsync(ids, result, cancellationToken);
        }

        return result;
    }

    /// <summary>Adds the current headers of <paramref name="ids"/> to <paramref name="into"/>; returns the commit they show (-1 when none was found).</summary>
    private async Task<int> ReadHeadersAsync(IReadOnlyCollection<string> ids, Dictionary<string, CiHeader> into, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.Parameters.AddWithValue("$ids", SqlText.JsonArray(ids));
        // The commit is read by the same statement, so it names exactly the state the rows show.
        cmd.CommandText = "SELECT c.id, c.class, c.name, (SELECT coalesce(max(seq), 0) FROM txn) FROM ci c WHERE c.id IN (SELECT value FROM json_each($ids))";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var snapshot = -1;
        var cache = ids.Count <= MaxCachedHeaderRead;
        while (await r.ReadAsync(cancellationToken))
        {
            var header = new CiHeader(r.GetString(0), r.GetString(1), r.GetString(2));
            into[header.Id] = header;
            snapshot = r.GetInt32(3);
            if (cache) _headerCache.Add(header, snapshot);
        }

        return snapshot;
    }
}
