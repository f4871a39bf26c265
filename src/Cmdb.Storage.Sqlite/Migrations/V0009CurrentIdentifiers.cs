namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// Current identifiers move to a table of their own keyed by (scheme, value); <c>identifier</c> keeps only ended rows.
/// </summary>
/// <remarks>
/// Before this step every identifier a new CI got went into four B-trees: the rowid table, the partial unique index
/// of current pairs, the history index and (once ended) the ended index. <c>identifier_current</c> is one B-tree: its
/// key is the uniqueness rule ("two CIs never hold the same identifier at the same time"), so a new CI's identifier
/// costs one insert. Ending an identifier (a move or a retirement) copies its row into <c>identifier</c> with its end
/// and deletes it here. As-of reads look in both tables; the start-up load and current reads only here.
/// </remarks>
internal static class V0009CurrentIdentifiers
{
    public const string Sql = """
        DROP INDEX identifier_current;
        CREATE TABLE identifier_current (
            scheme         TEXT NOT NULL,
            value          TEXT NOT NULL,
            ci_id          TEXT NOT NULL REFERENCES ci (id),
            valid_from_seq INTEGER NOT NULL,
            PRIMARY KEY (scheme, value)
        ) WITHOUT ROWID;
        INSERT INTO identifier_current (scheme, value, ci_id, valid_from_seq)
            SELECT scheme, value, ci_id, valid_from_seq FROM identifier WHERE valid_to_seq IS NULL;
        DELETE FROM identifier WHERE valid_to_seq IS NULL;
        """;
}
