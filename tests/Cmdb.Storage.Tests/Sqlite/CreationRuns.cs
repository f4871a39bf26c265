using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>The runs of creation entries in a store's file (<c>ci_created</c>, V0010), and the way back to audit rows.</summary>
internal static class CreationRuns
{
    /// <summary>
    /// What a V0009 build writes for the same creations: one audit row per CI with the compact marker, no
    /// <c>ci_created</c> table, and no record of step 10 (nor of step 11: the <c>ci_class</c> index is back).
    /// </summary>
    public const string ToV0009Sql = SqliteClassFilterTests.ToV0010Sql + MoveSql + """
        DROP TABLE ci_created;
        DELETE FROM schema_migrations WHERE version = 10;
        """;

    /// <summary>Each run's entries as audit rows with the compact marker (V0007), and no runs left.</summary>
    private const string MoveSql = """
        INSERT INTO audit (id, seq, operation, entity_kind, entity_id, ci_a, ci_b, changes)
            SELECT k.first_audit_id + (c.rid - k.first_rid), k.seq, 'create', 'ci', c.id, c.id, NULL, '1'
            FROM ci_created k JOIN ci c ON c.rid >= k.first_rid AND c.rid < k.first_rid + k.count;
        DELETE FROM ci_created;
        """;

    /// <summary>The runs in key order as "firstAuditId+count", joined by commas.</summary>
    public static string Describe(string path)
    {
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT coalesce(group_concat(first_audit_id || '+' || count, ','), '') FROM (SELECT * FROM ci_created ORDER BY first_rid)";
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>Turns the file's runs into the audit rows a V0009 build would have written; the store may stay open.</summary>
    public static void ToAuditRows(string path) => Execute(path, MoveSql);

    /// <summary>Turns a closed store's file back into V0009's layout (see <see cref="ToV0009Sql"/>).</summary>
    public static void ToV0009(string path) => Execute(path, ToV0009Sql);

    private static void Execute(string path, string sql)
    {
        SqliteConnection.ClearAllPools();
        using var c = Open(path);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        return c;
    }
}
