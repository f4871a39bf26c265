using Cmdb.Domain.Changes;
using Cmdb.Domain.Items;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using static Cmdb.Storage.Sqlite.Internal.SideStoreDatabase;

namespace Cmdb.Storage.Sqlite.Changes;

public sealed partial class SqliteChangeTemplateStore
{
    private const string Columns = "id, spec, active, version, created_at, updated_at";

    private static void Write(SqliteConnection c, SqliteTransaction tx, ChangeTemplate t, bool insert)
    {
        using var cmd = Command(c, tx, insert
            ? """
              INSERT INTO change_template (id, name, class, active, spec, version, created_at, updated_at)
              VALUES ($id, $name, $class, $active, $spec, $version, $created, $updated)
              """
            : """
              UPDATE change_template SET name = $name, class = $class, active = $active, spec = $spec, version = $version,
                  created_at = $created, updated_at = $updated
              WHERE id = $id
              """);
        cmd.Parameters.AddWithValue("$id", t.Id);
        cmd.Parameters.AddWithValue("$name", t.Spec.Name);
        cmd.Parameters.AddWithValue("$class", t.Spec.ClassName);
        cmd.Parameters.AddWithValue("$active", t.Active ? 1 : 0);
        cmd.Parameters.AddWithValue("$spec", ChangeJson.Write(t.Spec));
        cmd.Parameters.AddWithValue("$version", t.Version);
        cmd.Parameters.AddWithValue("$created", t.CreatedAt.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$updated", t.UpdatedAt.ToUnixTimeMilliseconds());
        cmd.ExecuteNonQuery();
    }

    private static void Audit(SqliteConnection c, SqliteTransaction tx, ChangeTemplate t, Actor actor, string operation, DateTimeOffset now) =>
        SideStoreRows.Audit(
            c, tx, "INSERT INTO change_template_audit (template_id, at, actor, operation, detail) VALUES ($id, $at, $actor, $op, $detail)",
            t.Id, now, actor, operation, ChangeJson.Write(t));

    private static ChangeTemplate? Read(SqliteConnection c, SqliteTransaction? tx, string id) =>
        SideStoreRows.ReadById(c, tx, $"SELECT {Columns} FROM change_template WHERE id = $id", id, Map);

    private static ChangeTemplate Map(SqliteDataReader r) => new(
        r.GetString(0),
        ChangeJson.Read<ChangeTemplateSpec>(r.GetString(1)),
        r.GetInt64(2) == 1,
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.GetInt64(3));
}
