using System.Globalization;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    private const int MemberChunk = 2_000; // ids per statement when other conditions may drop some

    /// <summary>
    /// A current-state query with a class filter (V0011): the CIs of the classes that pass the statuses, environments
    /// and criticalities come from the graph index in id order (<see cref="ClassMembers"/>), and the file is asked only
    /// for the page's ids, or, when conditions the index cannot answer remain (owner, support group, tags, attributes),
    /// for consecutive chunks of them until the page is full (and, for the count, all of them). Same page, count and
    /// cursors as the SQL filter on <c>ci.class</c>, which had the <c>ci_class</c> index.
    /// </summary>
    private async Task<Page<ConfigurationItem>> QueryClassMembersAsync(
        SqliteConnection connection, CiFilter rest, ClassMembers members, int first, string? afterId, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        await using var page = connection.CreateCommand();
        var (from, _, where) = FilterSql(rest, past: false, count, page);
        var conditions = where != "1 = 1"; // FilterSql's "no condition"
        const string InChunk = "c.id IN (SELECT value FROM json_each($members))";
        count.CommandText = $"SELECT count(*) FROM {from} WHERE {where} AND {InChunk}";
        page.CommandText = $"SELECT v.doc FROM {from} WHERE {where} AND {InChunk} ORDER BY c.id";
        var countMembers = count.Parameters.Add("$members", SqliteType.Text);
        var pageMembers = page.Parameters.Add("$members", SqliteType.Text);

        var total = members.Count;
        if (conditions)
        {
            total = 0;
            for (var start = 0; start < members.Count; start += MemberChunk)
            {
                countMembers.Value = Chunk(members, start, MemberChunk);
                total += Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
        }

        var items = new List<PageItem<ConfigurationItem>>(first);
        var hasNext = false;
        // Without other conditions every id of the set has its row, so one statement reads the page and the next id.
        var chunk = conditions ? Math.Max(MemberChunk, first + 1) : first + 1;
        for (var start = members.IndexAfter(afterId); start < members.Count && !hasNext; start += chunk)
        {
            pageMembers.Value = Chunk(members, start, chunk);
            await using var r = await page.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                if (items.Count == first)
                {
                    hasNext = true;
                    break;
                }

                var ci = CiJson.Read(r.GetString(0));
                items.Add(new PageItem<ConfigurationItem>(ci, Cursor.Encode('c', ci.Id)));
            }
        }

        return new Page<ConfigurationItem>(items, total, hasNext);
    }

    private static string Chunk(ClassMembers members, int start, int size) =>
        SqlText.JsonArray(Enumerable.Range(start, Math.Min(size, members.Count - start)).Select(members.Id));
}
