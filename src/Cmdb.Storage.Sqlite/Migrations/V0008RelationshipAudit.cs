namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// Relationship audit entries move to a table of their own, and the relationship table loses its indexes by CI id.
/// </summary>
/// <remarks>
/// A bulk import writes a relationship row and its audit row per relationship. Before this step each of them went into
/// two indexes keyed by random CI ids (<c>relationship_source</c>/<c>_target</c>, <c>audit_ci_a</c>/<c>_ci_b</c>), and
/// those scattered B-tree inserts were most of the write's SQLite work. Now:
/// <list type="bullet">
/// <item><c>relationship_audit</c> keeps only what the relationship row cannot give: the commit, the entry's id (one
/// sequence with <c>audit.id</c>, assigned by the writer, so history keeps one order), the relationship, the
/// operation and the changes. Type, source, target, entity kind and id come from the relationship row. A new
/// relationship without attributes stores no changes at all (null): reads show its type, source and target. Both
/// indexes take appends in a bulk import (commit, then id; relationship id, then id).</item>
/// <item>A CI's relationships are found through the in-memory graph index (which holds every relationship the file
/// holds, removed ones included, by key), then read by id; so <c>relationship_source</c> and <c>_target</c> go.</item>
/// </list>
/// Entries written before this step stay in <c>audit</c> with their CI columns and read as before. No foreign key on
/// <c>relationship_id</c>: retention deletes these rows with the rest of the audit trail, and a relationship row outlives
/// its entries (a removed relationship's entries all lie at or before its end).
/// </remarks>
internal static class V0008RelationshipAudit
{
    public const string Sql = """
        CREATE TABLE relationship_audit (
            seq             INTEGER NOT NULL,
            id              INTEGER NOT NULL,
            relationship_id INTEGER NOT NULL,
            operation       TEXT NOT NULL,
            changes         TEXT,
            PRIMARY KEY (seq, id)
        ) WITHOUT ROWID;
        CREATE INDEX relationship_audit_relationship ON relationship_audit (relationship_id, id);
        DROP INDEX relationship_source;
        DROP INDEX relationship_target;
        """;
}
