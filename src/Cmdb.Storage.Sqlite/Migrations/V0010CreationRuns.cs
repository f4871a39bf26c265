namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// The audit entries of new CIs are stored as runs: one <c>ci_created</c> row stands for <c>count</c> creations in
/// one commit whose search-row keys (<c>ci.rid</c>) and audit ids both go up by one, starting at <c>first_rid</c> and
/// <c>first_audit_id</c>. The entry of the CI with key <c>rid</c> is audit id <c>first_audit_id + (rid - first_rid)</c>,
/// operation create, changes "version 1 of this CI" (V0007's marker).
/// </summary>
/// <remarks>
/// A bulk import of CIs wrote one <c>audit</c> row per CI, into three B-trees (the rows, <c>audit_seq</c> and
/// <c>audit_ci_a</c>), all of whose content is implied by the CI row and the commit. A run keeps it as one row per
/// batch. Creations recorded before this step stay in <c>audit</c> and read as before; history and the audit window read
/// both (a <c>UNION ALL</c> in audit-id order, so pages and cursors keep one sequence). Retention deletes runs by commit,
/// as it deletes audit rows. Older builds refuse the file (version 10 > 9): they would miss these entries.
/// </remarks>
internal static class V0010CreationRuns
{
    public const string Sql = """
        CREATE TABLE ci_created (
            first_rid      INTEGER PRIMARY KEY, -- ci.rid of the run's first CI
            count          INTEGER NOT NULL,
            first_audit_id INTEGER NOT NULL,
            seq            INTEGER NOT NULL
        );
        CREATE INDEX ci_created_seq ON ci_created (seq);
        """;
}
