namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>Change records (issue 4): the record, its targets, outcome history and its own audit trail.</summary>
internal static class V0002Changes
{
    // change_audit is separate from audit: audit rows hang off graph commits (txn.seq), change records do not.
    public const string Sql = """
        CREATE TABLE change_record (
            id            TEXT PRIMARY KEY,
            title         TEXT NOT NULL,
            type          TEXT NOT NULL,
            state         TEXT NOT NULL,
            planned_start INTEGER NOT NULL,   -- unix milliseconds
            planned_end   INTEGER NOT NULL,   -- unix milliseconds, exclusive
            spec          TEXT NOT NULL,      -- JSON ChangeSpec
            outcome       TEXT,
            outcome_notes TEXT,
            version       INTEGER NOT NULL,
            created_at    INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL
        );
        CREATE INDEX change_record_window ON change_record (planned_start, planned_end);

        CREATE TABLE change_target (
            change_id TEXT NOT NULL REFERENCES change_record (id),
            ci_id     TEXT NOT NULL,
            PRIMARY KEY (change_id, ci_id)
        ) WITHOUT ROWID;
        CREATE INDEX change_target_ci ON change_target (ci_id);

        CREATE TABLE change_outcome (
            change_id TEXT NOT NULL REFERENCES change_record (id),
            ci_id     TEXT NOT NULL,
            class     TEXT NOT NULL,
            outcome   TEXT NOT NULL,
            at        INTEGER NOT NULL,
            PRIMARY KEY (change_id, ci_id)
        ) WITHOUT ROWID;
        CREATE INDEX change_outcome_ci ON change_outcome (ci_id, at);
        CREATE INDEX change_outcome_class ON change_outcome (class, at);

        CREATE TABLE change_audit (
            id        INTEGER PRIMARY KEY,
            change_id TEXT NOT NULL REFERENCES change_record (id),
            at        INTEGER NOT NULL,
            actor     TEXT NOT NULL,
            operation TEXT NOT NULL,
            detail    TEXT NOT NULL        -- JSON: the record after the write
        );
        CREATE INDEX change_audit_change ON change_audit (change_id, id);
        """;
}
