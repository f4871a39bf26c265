namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// The search index moves out of the database file into a file of its own beside it (<c>Internal/SearchFile</c>), written by
/// its own connection: a bulk import's FTS5 rows were about half the work of the one thread that steps the database's
/// statements, and SQLite lets one connection write a file at a time.
/// </summary>
/// <remarks>
/// <c>ci_fts</c> is contentless, so its rows cannot be copied: the store rebuilds the search file from the current
/// versions the first time it opens the migrated file (seconds at 1M CIs, once). <c>search_link.file_id</c> names this
/// database, so a search file left from another database (a deleted and recreated file of the same name) is rebuilt
/// rather than trusted.
/// </remarks>
internal static class V0012SearchFile
{
    public const string Sql = """
        DROP TABLE IF EXISTS ci_fts;
        CREATE TABLE search_link (id INTEGER PRIMARY KEY CHECK (id = 1), file_id BLOB NOT NULL);
        INSERT INTO search_link (id, file_id) VALUES (1, randomblob(16));
        """;
}
