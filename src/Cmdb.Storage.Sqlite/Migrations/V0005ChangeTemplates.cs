namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>Standard-change templates (issue 4) and their audit trail.</summary>
internal static class V0005ChangeTemplates
{
    // Changes keep referring to templates through spec.templateRef (JSON), as before: older changes whose reference was
    // free text stay readable and simply match no template, so no data needs moving.
    public const string Sql = """
        CREATE TABLE change_template (
            id         TEXT PRIMARY KEY,
            name       TEXT NOT NULL,
            class      TEXT NOT NULL,
            active     INTEGER NOT NULL,
            spec       TEXT NOT NULL,      -- JSON ChangeTemplateSpec
            version    INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX change_template_name ON change_template (name);

        CREATE TABLE change_template_audit (
            id          INTEGER PRIMARY KEY,
            template_id TEXT NOT NULL REFERENCES change_template (id),
            at          INTEGER NOT NULL,
            actor       TEXT NOT NULL,
            operation   TEXT NOT NULL,
            detail      TEXT NOT NULL      -- JSON: the template after the write
        );
        CREATE INDEX change_template_audit_template ON change_template_audit (template_id, id);
        """;
}
