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
    /// asked for the matching ids of the whole set in chunks (one pass: the count, and the page's ids after the cursor),
    /// then for the page's documents. Same page, count and cursors as the SQL filter on <c>ci.class</c>, which had the
    /// <c>ci_class</c> index.
    /// </summary>
    private async Task<Page<ConfigurationItem>> QueryClassMembersAsync(
        SqliteConnection connection, CiFilter rest, ClassMembers members, int first, string? afterId, CancellationToken cancellationToken)
    {
        var pageIds = new List<string>(first + 1); // the page's ids and, when there is one, the next
        int total;
        await using (var matching = connection.CreateCommand())
        await using (var unused = connection.CreateCommand())
        {
            var (from, _, where) = FilterSql(rest, past: false, matching, unused);
            if (where == "1 = 1") // FilterSql's "no condition": every id of the set has its row
            {
                total = members.Count;
                for (var i = members.IndexAfter(afterId); i < members.Count && pageIds.Count <= first; i++) pageIds.Add(members.Id(i));
            }
            else
            {
                // One pass over the whole set in id order: every match counts, and those after the cursor fill the page.
                matching.CommandText = $"SELECT c.id FROM {from} WHERE {where} AND c.id IN (SELECT value FROM json_each($members))";
                var chunk = matching.Parameters.Add("$members", SqliteType.Text);
                total = 0;
                for (var start = 0; start < members.Count; start += MemberChunk)
                {
                    chunk.Value = Chunk(members, start, MemberChunk);
                    // Chunks come in id order, rows within one need not: a chunk that may still add to the page gives
                    // all its ids after the cursor, and the page keeps the smallest.
                    var open = pageIds.Count <= first;
                    await using var r = await matching.ExecuteReaderAsync(cancellationToken);
                    while (await r.ReadAsync(cancellationToken))
                    {
                        total++;
                        var id = r.GetString(0);
                        if (open && (afterId is null || string.CompareOrdinal(id, afterId) > 0)) pageIds.Add(id);
                    }

                    if (!open) continue;
                    pageIds.Sort(StringComparer.Ordinal);
                    if (pageIds.Count > first + 1) pageIds.RemoveRange(first + 1, pageIds.Count - (first + 1));
                }
            }
        }

        var items = new List<PageItem<ConfigurationItem>>(first);
        if (pageIds.Count > 0)
        {
            await using var page = connection.CreateCommand();
            page.CommandText = $"SELECT v.doc FROM {SqlText.CurrentCi} WHERE c.id IN (SELECT value FROM json_each($members)) ORDER BY c.id";
            page.Parameters.AddWithValue("$members", SqlText.JsonArray(pageIds.Take(first)));
            await using var r = await page.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                var ci = CiJson.Read(r.GetString(0));
                items.Add(new PageItem<ConfigurationItem>(ci, Cursor.Encode('c', ci.Id)));
            }
        }

        return new Page<ConfigurationItem>(items, total, pageIds.Count > first);
    }

    private static string Chunk(ClassMembers members, int start, int size) =>
        SqlText.JsonArray(Enumerable.Range(start, Math.Min(size, members.Count - start)).Select(members.Id));
}
