using System.Diagnostics;
using Cmdb.Domain.Model;
using Cmdb.Testing.Synthetic;
using Microsoft.Data.Sqlite;

namespace Cmdb.Benchmarks;

/// <summary>
/// The same closures as a recursive CTE over a plain SQLite table <c>edges(src, dst)</c> holding one row per impact
/// hop (already turned into the propagation direction), indexed on (src, dst) and (dst, src). UNION (not UNION ALL)
/// de-duplicates, so cycles terminate.
/// </summary>
internal sealed class SqliteCteClosure : IDisposable
{
    private const string Query = """
        WITH RECURSIVE reach(n) AS (
          SELECT $start
          UNION
          SELECT e.dst FROM edges e JOIN reach r ON e.src = r.n
        )
        SELECT count(*) FROM reach
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _start;

    private SqliteCteClosure(SqliteConnection connection)
    {
        _connection = connection;
        _command = connection.CreateCommand();
        _command.CommandText = Query;
        _start = _command.Parameters.Add("$start", SqliteType.Integer);
        _command.Prepare();
    }

    /// <summary>Creates (or replaces) the database file and loads the estate's impact hops into it.</summary>
    public static SqliteCteClosure Create(SyntheticEstate estate, string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-524288;");
        Exec(connection, "CREATE TABLE edges(src INTEGER NOT NULL, dst INTEGER NOT NULL)");
        var watch = Stopwatch.StartNew();
        using (var tx = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO edges(src, dst) VALUES ($s, $d)";
            var s = insert.Parameters.Add("$s", SqliteType.Integer);
            var d = insert.Parameters.Add("$d", SqliteType.Integer);
            insert.Prepare();
            var rows = 0;
            for (var r = 0; r < estate.RelationshipCount; r++)
            {
                var propagation = SyntheticRelationshipTypes.PropagationOf(estate.Type(r));
                if (propagation is Propagation.TargetToSource or Propagation.Both) Row(estate.Target(r), estate.Source(r));
                if (propagation is Propagation.SourceToTarget or Propagation.Both) Row(estate.Source(r), estate.Target(r));
            }

            tx.Commit();
            Report.Line($"sqlite: {rows:N0} impact hops loaded into {path} in {Report.Duration(watch.Elapsed.TotalSeconds)}");

            void Row(int from, int to)
            {
                s.Value = from;
                d.Value = to;
                insert.ExecuteNonQuery();
                rows++;
            }
        }

        watch.Restart();
        Exec(connection, "CREATE INDEX edges_src ON edges(src, dst); CREATE INDEX edges_dst ON edges(dst, src); ANALYZE;");
        Report.Line($"sqlite: indexes built in {Report.Duration(watch.Elapsed.TotalSeconds)}");
        return new SqliteCteClosure(connection);
    }

    public int Closure(int start)
    {
        _start.Value = start;
        return Convert.ToInt32(_command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _command.Dispose();
        _connection.Dispose();
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
