using Cmdb.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class SideStoreDatabase
{
    /// <summary>
    /// One page of <paramref name="table"/> rows matching <paramref name="where"/>, newest first. Ids are ULIDs, so
    /// "id &lt; cursor" is keyset paging by creation time that stays stable while rows are added; one extra row is read
    /// to know whether a next page exists, and the total counts every match.
    /// </summary>
    /// <param name="bind">Binds the parameters of <paramref name="where"/>; it runs for the count and for the page.</param>
    /// <param name="complete">Finishes each returned item on the same connection (e.g. reads its child rows).</param>
    public async Task<Page<T>> PageAsync<T>(
        string table,
        string columns,
        string where,
        Action<SqliteParameterCollection> bind,
        char cursorKind,
        int first,
        string? after,
        Func<SqliteDataReader, T> map,
        Func<T, string> idOf,
        Func<SqliteConnection, T, T>? complete,
        CancellationToken cancellationToken)
    {
        Cursor.EnsurePageSize(first);
        var before = Cursor.Decode(cursorKind, after);
        await using var c = await OpenAsync(cancellationToken);
        using var count = Command(c, null, $"SELECT count(*) FROM {table} WHERE {where}");
        using var page = Command(c, null, $"""
            SELECT {columns} FROM {table} WHERE {where} AND ($before IS NULL OR id < $before) ORDER BY id DESC LIMIT $limit
            """);
        bind(count.Parameters);
        bind(page.Parameters);
        page.Parameters.AddWithValue("$before", (object?)before ?? DBNull.Value);
        page.Parameters.AddWithValue("$limit", first + 1);
        var total = Convert.ToInt32((long)(await count.ExecuteScalarAsync(cancellationToken))!);
        var found = new List<T>();
        await using (var r = await page.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken)) found.Add(map(r));
        }

        var items = found.Take(first)
            .Select(item => new PageItem<T>(complete is null ? item : complete(c, item), Cursor.Encode(cursorKind, idOf(item))))
            .ToList();
        return new Page<T>(items, total, found.Count > first);
    }
}
