using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>Brings a database file to the latest schema, in one transaction, and refuses files from a newer build.</summary>
internal static class Migrator
{
    /// <summary>Applies the missing steps; returns how many were applied.</summary>
    public static int Migrate(SqliteConnection connection, string databasePath, DateTimeOffset now)
    {
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """);
        var current = CurrentVersion(connection, tx);
        if (current > Migrations.Latest)
        {
            throw new InvalidOperationException(
                $"The database '{databasePath}' has schema version {current}, but this build of Cmdb understands versions up to " +
                $"{Migrations.Latest}. Run a newer Cmdb, or point {SqliteStorageOptions.SectionName}:DatabasePath at another file.");
        }

        var applied = 0;
        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            Execute(connection, tx, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $at)";
            record.Parameters.AddWithValue("$v", migration.Version);
            record.Parameters.AddWithValue("$n", migration.Name);
            record.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            applied++;
        }

        tx.Commit();
        return applied;
    }

    private static long CurrentVersion(SqliteConnection connection, SqliteTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return (long)cmd.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return; // a step that changes what the file means, not what it holds (V0014)
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
