namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>Discovery state (issue 5): run records, per-scope sightings, conflicts and held retirements.</summary>
internal static class V0003Discovery
{
    // Sightings sit beside the CIs, not in their versions: an unchanged run updates a few sighting rows, no CI.
    public const string Sql = """
        CREATE TABLE discovery_run (
            id         TEXT PRIMARY KEY,
            source     TEXT NOT NULL,
            started_at INTEGER NOT NULL,   -- unix milliseconds
            record     TEXT NOT NULL       -- JSON DiscoveryRun
        );
        CREATE INDEX discovery_run_source ON discovery_run (source, id);

        CREATE TABLE discovery_sighting (
            source      TEXT NOT NULL,
            scope       TEXT NOT NULL,
            ci_id       TEXT NOT NULL,
            fingerprint INTEGER NOT NULL,
            first_seen  INTEGER NOT NULL,
            last_seen   INTEGER NOT NULL,
            missed      INTEGER NOT NULL DEFAULT 0,
            retired     INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, scope, ci_id)
        ) WITHOUT ROWID;
        CREATE INDEX discovery_sighting_ci ON discovery_sighting (ci_id);

        -- When the latest complete run of each scope happened: the last-seen time of every sighting in it with missed = 0.
        CREATE TABLE discovery_scope (
            source        TEXT NOT NULL,
            scope         TEXT NOT NULL,
            last_complete INTEGER NOT NULL,
            PRIMARY KEY (source, scope)
        ) WITHOUT ROWID;

        CREATE TABLE discovery_rel_sighting (
            source          TEXT NOT NULL,
            scope           TEXT NOT NULL,
            rel_key         TEXT NOT NULL,  -- type|source ci|target ci
            relationship_id TEXT NOT NULL,
            fingerprint     INTEGER NOT NULL,
            last_seen       INTEGER NOT NULL,
            missed          INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, scope, rel_key)
        ) WITHOUT ROWID;

        CREATE TABLE discovery_conflict (
            id          TEXT PRIMARY KEY,
            source      TEXT NOT NULL,
            run_id      TEXT NOT NULL,
            detected_at INTEGER NOT NULL,
            record      TEXT NOT NULL       -- JSON ReconciliationConflict
        );
        CREATE INDEX discovery_conflict_source ON discovery_conflict (source, id);

        CREATE TABLE discovery_held (
            run_id TEXT NOT NULL,
            source TEXT NOT NULL,
            scope  TEXT NOT NULL,
            ci_id  TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (run_id, scope, ci_id)
        ) WITHOUT ROWID;
        """;
}
