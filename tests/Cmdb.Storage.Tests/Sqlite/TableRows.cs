using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>Row counts read from a store's file on a separate read-only connection: what a write really left behind.</summary>
internal static class TableRows
{
    public static Dictionary<string, long> Count(string path, IEnumerable<string> tables)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = (long)cmd.ExecuteScalar()!;
        }

        return counts;
    }
}
