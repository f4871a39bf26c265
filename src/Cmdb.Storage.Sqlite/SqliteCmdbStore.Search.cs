using Cmdb.Domain.Errors;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    private const int MaxSearchTextLength = 1000;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string text, int first, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) throw CmdbException.Invalid("Search text must not be empty.", "text");
        if (text.Length > MaxSearchTextLength)
            throw CmdbException.Invalid($"Search text is {text.Length} characters long; the limit is {MaxSearchTextLength}.", "text");
        Cursor.EnsurePageSize(first);
        var match = FtsQuery.Build(text);
        if (match is null) return []; // only punctuation: no word to look for

        await using var connection = await OpenReaderAsync(cancellationToken);
        // The index lives in the search file (V0012), attached to this pooled connection for the query only.
        SqlCommands.Execute(connection, "ATTACH DATABASE $path AS search", SearchFilePath);
        try
        {
            return await SearchAttachedAsync(connection, match, first, cancellationToken);
        }
        finally
        {
            SqlCommands.Execute(connection, "DETACH DATABASE search");
        }
    }

    private static async Task<IReadOnlyList<SearchHit>> SearchAttachedAsync(SqliteConnection connection, string match, int first,
        CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        // Column weights: name, identifiers, tags, people, class, attributes. bm25 is lower for better matches.
        cmd.CommandText = $"""
            SELECT v.doc, bm25(ci_fts, 10.0, 6.0, 3.0, 2.0, 2.0, 1.0) AS rank
            FROM search.ci_fts JOIN {SqlText.CurrentCi} AND c.rid = ci_fts.rowid
            WHERE ci_fts MATCH $match
            ORDER BY rank, c.id
            LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$limit", first);
        var hits = new List<SearchHit>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) hits.Add(new SearchHit(CiJson.Read(r.GetString(0)), -r.GetDouble(1)));
        return hits;
    }
}
