using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Changes;

public sealed partial class SqliteChangeStore
{
    private const string Columns = "id, spec, state, outcome, outcome_notes, created_at, updated_at, version";

    private static void EnsureCisExist(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<string> ids)
    {
        var missing = SideStoreRows.Missing(c, tx, "SELECT 1 FROM ci WHERE id = $id", ids);
        if (missing.Count > 0)
            throw CmdbException.NotFound($"No CI with id {string.Join(", ", missing)}; a change can only target CIs that exist.");
    }

    private static void EnsureTemplateExists(SqliteConnection c, SqliteTransaction tx, string? templateId)
    {
        if (string.IsNullOrWhiteSpace(templateId)) return;
        using var cmd = Command(c, tx, "SELECT 1 FROM change_template WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", templateId);
        if (cmd.ExecuteScalar() is null)
            throw CmdbException.NotFound($"No change template with id '{templateId}'; templateRef must be the id of a change template.");
    }

    private static void Insert(SqliteConnection c, SqliteTransaction tx, ChangeRecord r)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO change_record (id, title, type, state, planned_start, planned_end, spec, outcome, outcome_notes, version, created_at, updated_at)
            VALUES ($id, $title, $type, $state, $start, $end, $spec, $outcome, $notes, $version, $created, $updated)
            """);
        Bind(cmd, r);
        cmd.ExecuteNonQuery();
        InsertTargets(c, tx, r);
    }

    private static void Save(SqliteConnection c, SqliteTransaction tx, ChangeRecord r, bool replaceTargets)
    {
        using var cmd = Command(c, tx, """
            UPDATE change_record SET title = $title, type = $type, state = $state, planned_start = $start, planned_end = $end,
                spec = $spec, outcome = $outcome, outcome_notes = $notes, version = $version, created_at = $created, updated_at = $updated
            WHERE id = $id
            """);
        Bind(cmd, r);
        cmd.ExecuteNonQuery();
        if (!replaceTargets) return;
        using var delete = Command(c, tx, "DELETE FROM change_target WHERE change_id = $id");
        delete.Parameters.AddWithValue("$id", r.Id);
        delete.ExecuteNonQuery();
        InsertTargets(c, tx, r);
    }

    private static void InsertTargets(SqliteConnection c, SqliteTransaction tx, ChangeRecord r)
    {
        using var cmd = Command(c, tx, "INSERT INTO change_target (change_id, ci_id) VALUES ($change, $ci)");
        cmd.Parameters.AddWithValue("$change", r.Id);
        var ci = cmd.Parameters.Add("$ci", SqliteType.Text);
        foreach (var id in r.Spec.TargetCiIds)
        {
            ci.Value = id;
            cmd.ExecuteNonQuery();
        }
    }

    private static void InsertOutcomes(SqliteConnection c, SqliteTransaction tx, ChangeRecord r, DateTimeOffset now)
    {
        using var cmd = Command(c, tx, """
            INSERT INTO change_outcome (change_id, ci_id, class, outcome, at)
            SELECT $change, id, class, $outcome, $at FROM ci WHERE id = $ci
            """);
        cmd.Parameters.AddWithValue("$change", r.Id);
        cmd.Parameters.AddWithValue("$outcome", r.Outcome!.Value.ToString());
        cmd.Parameters.AddWithValue("$at", now.ToUnixTimeMilliseconds());
        var ci = cmd.Parameters.Add("$ci", SqliteType.Text);
        foreach (var id in r.Spec.TargetCiIds)
        {
            ci.Value = id;
            cmd.ExecuteNonQuery();
        }
    }

    private static void Audit(SqliteConnection c, SqliteTransaction tx, ChangeRecord r, Actor actor, string operation, DateTimeOffset now) =>
        SideStoreRows.Audit(
            c, tx, "INSERT INTO change_audit (change_id, at, actor, operation, detail) VALUES ($id, $at, $actor, $op, $detail)",
            r.Id, now, actor, operation, ChangeJson.Write(r));

    private static ChangeRecord? Read(SqliteConnection c, SqliteTransaction? tx, string id) =>
        SideStoreRows.ReadById(c, tx, $"SELECT {Columns} FROM change_record WHERE id = $id", id, Map);

    private static ChangeRecord Map(SqliteDataReader r) => new(
        r.GetString(0),
        ChangeJson.ReadSpec(r.GetString(1)),
        Enum.Parse<ChangeState>(r.GetString(2)),
        r.IsDBNull(3) ? null : Enum.Parse<ChangeOutcome>(r.GetString(3)),
        r.IsDBNull(4) ? null : r.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
        r.GetInt64(7));

    private static void Bind(SqliteCommand cmd, ChangeRecord r)
    {
        cmd.Parameters.AddWithValue("$id", r.Id);
        cmd.Parameters.AddWithValue("$title", r.Spec.Title);
        cmd.Parameters.AddWithValue("$type", r.Spec.Type.ToString());
        cmd.Parameters.AddWithValue("$state", r.State.ToString());
        cmd.Parameters.AddWithValue("$start", r.Spec.PlannedStart.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$end", r.Spec.PlannedEnd.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$spec", ChangeJson.Write(r.Spec));
        cmd.Parameters.AddWithValue("$outcome", (object?)r.Outcome?.ToString() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$notes", (object?)r.OutcomeNotes ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$version", r.Version);
        cmd.Parameters.AddWithValue("$created", r.CreatedAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$updated", r.UpdatedAt.ToUnixTimeMilliseconds());
    }
}
