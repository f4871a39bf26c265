namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// The first schema. Time is the commit sequence of <c>txn</c>: every versioned row is valid in
/// [valid_from_seq, valid_to_seq), with a null end while it is current.
/// </summary>
internal static class V0001Initial
{
    public const string Sql = """
        CREATE TABLE txn (
            seq   INTEGER PRIMARY KEY,
            at    INTEGER NOT NULL,      -- unix milliseconds
            actor TEXT NOT NULL
        );

        -- The current state of each CI: the columns filters use, and the version whose snapshot is current.
        CREATE TABLE ci (
            rid           INTEGER PRIMARY KEY, -- rowid of the CI in ci_fts
            id            TEXT NOT NULL UNIQUE,
            class         TEXT NOT NULL,
            name          TEXT NOT NULL,
            status        TEXT NOT NULL,
            environment   TEXT,
            criticality   INTEGER,
            owner         TEXT,
            support_group TEXT,
            version       INTEGER NOT NULL
        );
        CREATE INDEX ci_class ON ci (class, id);

        -- A rowid table: snapshots are appended in commit order, and only the small (ci_id, version) index takes
        -- inserts at scattered places.
        CREATE TABLE ci_version (
            ci_id          TEXT NOT NULL REFERENCES ci (id),
            version        INTEGER NOT NULL,
            valid_from_seq INTEGER NOT NULL,
            valid_to_seq   INTEGER,
            doc            TEXT NOT NULL,  -- the whole CI as JSON
            UNIQUE (ci_id, version)
        );
        -- Partial "ended" indexes: retention finds expired history without scanning current rows.
        CREATE INDEX ci_version_ended ON ci_version (valid_to_seq) WHERE valid_to_seq IS NOT NULL;

        CREATE TABLE identifier (
            scheme         TEXT NOT NULL,
            value          TEXT NOT NULL,
            ci_id          TEXT NOT NULL REFERENCES ci (id),
            valid_from_seq INTEGER NOT NULL,
            valid_to_seq   INTEGER
        );
        -- Two CIs can never hold the same identifier at the same time.
        CREATE UNIQUE INDEX identifier_current ON identifier (scheme, value) WHERE valid_to_seq IS NULL;
        CREATE INDEX identifier_history ON identifier (scheme, value, valid_from_seq);
        CREATE INDEX identifier_ended ON identifier (valid_to_seq) WHERE valid_to_seq IS NOT NULL;

        CREATE TABLE relationship (
            id             INTEGER PRIMARY KEY,
            type           TEXT NOT NULL,
            source_id      TEXT NOT NULL REFERENCES ci (id),
            target_id      TEXT NOT NULL REFERENCES ci (id),
            attributes     TEXT NOT NULL,
            valid_from_seq INTEGER NOT NULL,
            valid_to_seq   INTEGER,
            created_by     TEXT NOT NULL,
            attributes_from_seq INTEGER NOT NULL -- since when `attributes` holds; older values are below
        );
        CREATE INDEX relationship_source ON relationship (source_id);
        CREATE INDEX relationship_target ON relationship (target_id);
        CREATE INDEX relationship_ended ON relationship (valid_to_seq) WHERE valid_to_seq IS NOT NULL;

        -- Earlier attribute values of a relationship, each valid in [valid_from_seq, valid_to_seq).
        CREATE TABLE relationship_attributes (
            relationship_id INTEGER NOT NULL REFERENCES relationship (id),
            valid_from_seq  INTEGER NOT NULL,
            valid_to_seq    INTEGER NOT NULL,
            attributes      TEXT NOT NULL,
            PRIMARY KEY (relationship_id, valid_from_seq)
        ) WITHOUT ROWID;

        -- ci_a/ci_b: the CIs an entry concerns (a CI, or both ends of a relationship), for history reads.
        CREATE TABLE audit (
            id          INTEGER PRIMARY KEY,
            seq         INTEGER NOT NULL,
            operation   TEXT NOT NULL,
            entity_kind TEXT NOT NULL,
            entity_id   TEXT NOT NULL,
            ci_a        TEXT NOT NULL,
            ci_b        TEXT,
            changes     TEXT NOT NULL
        );
        CREATE INDEX audit_seq ON audit (seq);
        CREATE INDEX audit_ci_a ON audit (ci_a, id);
        CREATE INDEX audit_ci_b ON audit (ci_b, id) WHERE ci_b IS NOT NULL;

        CREATE VIRTUAL TABLE ci_fts USING fts5 (
            name, identifiers, tags, people, class, attributes,
            content = '', contentless_delete = 1
        );
        """;
}
