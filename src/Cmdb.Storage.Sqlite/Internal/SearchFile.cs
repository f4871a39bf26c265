using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The search index (<c>ci_fts</c>) in a SQLite file of its own beside the database (<c>&lt;file&gt;-search</c>, V0012),
/// with its own writer connection, so a bulk batch's search rows are stepped on a thread of their own, beside the
/// statement thread of the system of record rather than on it (the FTS5 insert was about half of that thread's work).
/// </summary>
/// <remarks>
/// The search file is derived data: every row is the current version of a CI of the database file. A batch writes both
/// files in one transaction each and commits the database first, then the search file with the batch's commit number
/// (<c>search_state.seq</c>, the watermark); the store publishes the batch only after both. A crash between the two
/// commits leaves the search file behind: at start-up the CIs whose current version is newer than the watermark get
/// their rows again (<see cref="CatchUp"/>). A search file that is missing, unreadable, ahead of the database, or made
/// for another database (<c>search_link.file_id</c> in the database file) is rebuilt from every current version.
/// </remarks>
internal sealed class SearchFile : IDisposable
{
    private const string Schema = """
        CREATE TABLE search_state (id INTEGER PRIMARY KEY CHECK (id = 1), file_id BLOB NOT NULL, seq INTEGER NOT NULL);
        CREATE VIRTUAL TABLE ci_fts USING fts5 (
            name, identifiers, tags, people, class, attributes,
            content = '', contentless_delete = 1
        );
        """;

    private readonly SqliteConnection _connection;
    private readonly Statement _setSeq;
    private readonly Checkpointer _checkpointer;

    private SearchFile(string path, SqliteConnection connection, string connectionString)
    {
        FilePath = path;
        _connection = connection;
        DeleteFts = new(connection, "DELETE FROM ci_fts WHERE rowid = $rid", "$rid") { OnSearchFile = true };
        InsertFts = new(connection, """
            INSERT INTO ci_fts (rowid, name, identifiers, tags, people, class, attributes)
            VALUES ($rid, $name, $identifiers, $tags, $people, $class, $attributes)
            """, "$rid", "$name", "$identifiers", "$tags", "$people", "$class", "$attributes") { OnSearchFile = true };
        // FTS5 keeps a transaction's rows in memory and writes them as a new segment (merging older ones as it goes) when
        // the transaction commits, unless told to earlier: a pipelined batch tells it on the search thread.
        FlushFts = new(connection, "INSERT INTO ci_fts (ci_fts) VALUES ('flush')") { OnSearchFile = true };
        _setSeq = new(connection, "UPDATE search_state SET seq = $seq WHERE id = 1", "$seq");
        _checkpointer = new Checkpointer(connection, connectionString);
    }

    /// <summary>The search file of the database file at <paramref name="databasePath"/>.</summary>
    public static string PathOf(string databasePath) => databasePath + "-search";

    public string FilePath { get; }

    public Statement InsertFts { get; }

    public Statement DeleteFts { get; }

    /// <summary>Writes the rows inserted and deleted so far in the transaction into the index's segments (FTS5's 'flush').</summary>
    public Statement FlushFts { get; }

    /// <summary>The rows of a batch that is not pipelined, each run as soon as it is written; one writer at a time uses it.</summary>
    public StepTape Immediate { get; } = new();

    /// <summary>How the last <see cref="Open"/> found the file: rows it wrote, and whether it rebuilt the whole index (tests).</summary>
    public (int Rows, bool Rebuilt) Recovered { get; private set; }

    /// <summary>
    /// Opens (or creates, or rebuilds) the search file of the database whose writer connection is <paramref name="main"/>
    /// (migrated, no transaction open), and brings it up to the database's last commit.
    /// </summary>
    public static SearchFile Open(SqliteConnection main, string databasePath, int newFilePageSize, int busyTimeoutMilliseconds)
    {
        var fileId = SqlCommands.Scalar(main, "SELECT file_id FROM search_link WHERE id = 1") as byte[]
            ?? throw new InvalidOperationException("The database file has no search_link row (V0012).");
        var lastSeq = Convert.ToInt64(SqlCommands.Scalar(main, "SELECT coalesce(max(seq), 0) FROM txn"), System.Globalization.CultureInfo.InvariantCulture);
        var path = PathOf(databasePath);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString();

        var (connection, seq) = OpenMatching(connectionString, path, fileId, lastSeq, newFilePageSize, busyTimeoutMilliseconds);
        SearchFile? file = null;
        try
        {
            file = new SearchFile(path, connection, connectionString);
            if (seq < 0) file.CatchUp(main, 0, lastSeq, rebuild: true);
            else if (seq < lastSeq) file.CatchUp(main, seq, lastSeq, rebuild: false);
            return file;
        }
        catch
        {
            if (file is not null) file.Dispose();
            else connection.Dispose();
            throw;
        }
    }

    /// <summary>Begins the search file's part of a batch (BEGIN IMMEDIATE).</summary>
    public SqliteTransaction Begin() => _connection.BeginTransaction(deferred: false);

    /// <summary>Records, inside the batch's search transaction, that the search file holds every commit up to <paramref name="seq"/>.</summary>
    public void Mark(SqliteTransaction tx, long seq) => _setSeq.Execute(tx, seq);

    /// <summary>
    /// Writes the rows of every CI whose current version is newer than commit <paramref name="after"/> (all of them
    /// when <paramref name="rebuild"/>: the index is empty), then marks the file as holding <paramref name="through"/>.
    /// </summary>
    public void CatchUp(SqliteConnection main, long after, long through, bool rebuild)
    {
        var rows = 0;
        using (var tx = Begin())
        {
            using var select = new Statement(main, $"""
                SELECT c.rid, v.doc FROM {SqlText.CurrentCi}
                WHERE v.valid_from_seq > {after}
                """);
            using (var read = select.Scan())
            {
                while (read.Read())
                {
                    var rid = read.GetInt64(0);
                    var ci = CiJsonReader.Read(read.GetUtf8(1));
                    // Deleting a row the index lacks (a CI created after the watermark) leaves the index unchanged.
                    if (!rebuild) Immediate.Begin(DeleteFts).Int(rid).End();
                    SearchRow.Write(Immediate.Begin(InsertFts), rid, ci);
                    Immediate.End();
                    Immediate.RunAll(tx);
                    rows++;
                }
            }

            Mark(tx, through);
            tx.Commit();
        }

        Recovered = (rows, rebuild);
    }

    public void Dispose()
    {
        _checkpointer.Dispose();
        InsertFts.Dispose();
        DeleteFts.Dispose();
        FlushFts.Dispose();
        _setSeq.Dispose();
        _connection.Dispose();
    }

    /// <summary>The open connection and the file's watermark, or -1 when the file was (re)created empty for this database.</summary>
    private static (SqliteConnection Connection, long Seq) OpenMatching(string connectionString, string path, byte[] fileId, long lastSeq,
        int newFilePageSize, int busyTimeoutMilliseconds)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var state = ReadState(connection);
            if (state is { } s && s.FileId.AsSpan().SequenceEqual(fileId) && s.Seq <= lastSeq)
            {
                Settings(connection, busyTimeoutMilliseconds);
                return (connection, s.Seq);
            }

            connection.Dispose();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
            connection = new SqliteConnection(connectionString);
            connection.Open();
            if (newFilePageSize > 0) SqlCommands.Execute(connection, $"PRAGMA page_size = {newFilePageSize}");
            SqlCommands.Execute(connection, "PRAGMA journal_mode = WAL");
            Settings(connection, busyTimeoutMilliseconds);
            using var tx = connection.BeginTransaction();
            using (var create = connection.CreateCommand())
            {
                create.Transaction = tx;
                create.CommandText = Schema + "INSERT INTO search_state (id, file_id, seq) VALUES (1, $file, 0);";
                create.Parameters.AddWithValue("$file", fileId);
                create.ExecuteNonQuery();
            }

            tx.Commit();
            return (connection, -1);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static (byte[] FileId, long Seq)? ReadState(SqliteConnection connection)
    {
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT file_id, seq FROM search_state WHERE id = 1";
            using var r = cmd.ExecuteReader();
            return r.Read() && !r.IsDBNull(0) ? ((byte[])r.GetValue(0), r.GetInt64(1)) : null;
        }
        catch (SqliteException)
        {
            return null; // no such table, or not a database: rebuilt
        }
    }

    private static void Settings(SqliteConnection connection, int busyTimeoutMilliseconds)
    {
        SqlCommands.Execute(connection, "PRAGMA synchronous = NORMAL");
        SqlCommands.Execute(connection, "PRAGMA cache_size = -65536");
        SqlCommands.Execute(connection, $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}");
    }
}
