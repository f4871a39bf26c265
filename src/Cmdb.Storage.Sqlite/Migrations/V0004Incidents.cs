namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>Incidents, monitoring events and problems (issue 6): each record, its links, and its audit trail.</summary>
internal static class V0004Incidents
{
    // Like change_audit, incident_audit is separate from audit: audit rows hang off graph commits, incidents do not.
    // An event row is one occurrence of an alert: (source, fingerprint, starts_at); re-sends of it update the row.
    // Times are unix milliseconds. ci ids are not foreign keys: a CI may be purged by retention while its incidents stay.
    public const string Sql = """
        CREATE TABLE incident (
            id               TEXT PRIMARY KEY,
            title            TEXT NOT NULL,
            description      TEXT,
            severity         INTEGER NOT NULL,
            state            TEXT NOT NULL,
            started_at       INTEGER NOT NULL,
            resolution       TEXT,
            root_cause_ci_id TEXT,
            resolved_at      INTEGER,
            version          INTEGER NOT NULL,
            created_at       INTEGER NOT NULL,
            updated_at       INTEGER NOT NULL
        );
        CREATE INDEX incident_state ON incident (state, id);
        CREATE INDEX incident_root_cause ON incident (root_cause_ci_id, resolved_at) WHERE root_cause_ci_id IS NOT NULL;

        CREATE TABLE incident_symptom (
            incident_id TEXT NOT NULL REFERENCES incident (id),
            ci_id       TEXT NOT NULL,
            added_at    INTEGER NOT NULL,
            added_by    TEXT NOT NULL,
            PRIMARY KEY (incident_id, ci_id)
        );                                  -- rowid keeps the order symptoms were added in
        CREATE INDEX incident_symptom_ci ON incident_symptom (ci_id);

        CREATE TABLE incident_audit (
            id          INTEGER PRIMARY KEY,
            incident_id TEXT NOT NULL REFERENCES incident (id),
            at          INTEGER NOT NULL,
            actor       TEXT NOT NULL,
            operation   TEXT NOT NULL,
            detail      TEXT NOT NULL        -- JSON: the incident after the write
        );
        CREATE INDEX incident_audit_incident ON incident_audit (incident_id, id);

        CREATE TABLE monitoring_event (
            id               TEXT PRIMARY KEY,
            source           TEXT NOT NULL,
            fingerprint      TEXT NOT NULL,
            name             TEXT NOT NULL,
            severity         TEXT,
            status           TEXT NOT NULL,
            labels           TEXT NOT NULL,  -- JSON object
            annotations      TEXT NOT NULL,  -- JSON object
            starts_at        INTEGER NOT NULL,
            ends_at          INTEGER,
            last_received_at INTEGER NOT NULL,
            ci_id            TEXT,
            mapped_by        TEXT,
            receipts         INTEGER NOT NULL -- how many times the sender reported it
        );
        CREATE UNIQUE INDEX monitoring_event_occurrence ON monitoring_event (source, fingerprint, starts_at);
        CREATE INDEX monitoring_event_ci ON monitoring_event (ci_id, starts_at) WHERE ci_id IS NOT NULL;
        CREATE INDEX monitoring_event_unmapped ON monitoring_event (id) WHERE ci_id IS NULL;
        CREATE INDEX monitoring_event_ended ON monitoring_event (ends_at) WHERE ends_at IS NOT NULL;

        CREATE TABLE problem (
            id             TEXT PRIMARY KEY,
            title          TEXT NOT NULL,
            is_known_error INTEGER NOT NULL,
            spec           TEXT NOT NULL,      -- JSON ProblemSpec
            version        INTEGER NOT NULL,
            created_at     INTEGER NOT NULL,
            updated_at     INTEGER NOT NULL
        );

        CREATE TABLE problem_ci (
            problem_id TEXT NOT NULL REFERENCES problem (id),
            ci_id      TEXT NOT NULL,
            PRIMARY KEY (problem_id, ci_id)
        ) WITHOUT ROWID;
        CREATE INDEX problem_ci_ci ON problem_ci (ci_id);

        CREATE TABLE problem_audit (
            id         INTEGER PRIMARY KEY,
            problem_id TEXT NOT NULL REFERENCES problem (id),
            at         INTEGER NOT NULL,
            actor      TEXT NOT NULL,
            operation  TEXT NOT NULL,
            detail     TEXT NOT NULL       -- JSON: the problem after the write
        );
        CREATE INDEX problem_audit_problem ON problem_audit (problem_id, id);
        """;
}
