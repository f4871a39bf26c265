using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Cmdb.Storage.Sqlite.Migrations;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite;

/// <summary>
/// The embedded system of record: one SQLite file (WAL), one writer connection guarded by a semaphore, pooled
/// read-only connections for readers, and the in-memory <see cref="GraphIndex"/> kept in step after each commit.
/// </summary>
public sealed partial class SqliteCmdbStore : ICmdbStore, IAsyncDisposable, IDisposable
{
    private readonly SqliteStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile Exception? _identifierLoadFailure;
    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly IdentifierMap _identifiers = new();
    private readonly CiFingerprints _fingerprints = new();
    private GraphIndex? _graph;
    private bool _disposed;
    private SqliteConnection? _writer;
    private DatabaseLock? _lock;
    private WriterCommands? _commands;
    private Checkpointer? _checkpointer;
    private int _lastSeq;
    private long _nextRid = 1;
    private long _nextRelationshipId = 1;
    private long _nextAuditId = 1;
    private long _lastAtMs;

    public SqliteCmdbStore(SqliteStorageOptions options, ModelCatalog model, TimeProvider time)
    {
        Internal.SqliteProcessConfig.Apply();
        _options = options;
        Model = model;
        _time = time;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.DatabasePath),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
        };
        _writerConnectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadOnly;
        _readerConnectionString = builder.ToString();
    }

    public ModelCatalog Model { get; }

    /// <summary>How many schema migrations the last <see cref="InitializeAsync"/> applied (0 when the file was current).</summary>
    internal int AppliedMigrations { get; private set; }

    /// <summary>
    /// The page size a new file is created with (existing files keep theirs); settable before start-up for benchmarks.
    /// 16 kB rather than SQLite's 4 kB: a bulk import's COMMIT writes about half as long (fewer, larger WAL frames),
    /// and its B-trees split a quarter as often.
    /// </summary>
    internal int NewFilePageSize { get; set; } = 16_384;

    /// <summary>
    /// The writer connection's page cache limit in KiB (16 MB), held for every batch, bulk ones included; settable
    /// before start-up for tests.
    /// </summary>
    /// <remarks>
    /// Smaller is faster here: a discovery batch's updates dirty a few thousand scattered pages, and with 64 MB the
    /// statement thread spent more on the cache's own memory than on the B-trees. Session 14, 1M CIs, the discovery
    /// first run: statement thread CPU 0.54–0.62 s → 0.35–0.37 s, COMMIT per run 0.23 → 0.17 s, wall 2.50–2.59 s →
    /// 2.34–2.39 s (256 MB: 3.1–3.5 s); bulk import unchanged (117.5k vs 118.4k CIs/s). docs/benchmarks.md.
    /// </remarks>
    internal int WriterCacheKiB
    {
        get => _writerCacheKiB;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _writerCacheKiB = value;
        }
    }

    private int _writerCacheKiB = 16_384;

    /// <summary>How many background WAL checkpoints have run since <see cref="InitializeAsync"/> (for tests).</summary>
    internal int CheckpointsCompleted => _checkpointer?.Completed ?? 0;

    /// <summary>How many history rows the last <see cref="InitializeAsync"/> deleted as older than the retention period.</summary>
    internal int PrunedRows { get; private set; }

    private GraphIndex Graph => _graph ?? throw new InvalidOperationException("The store is not open: call InitializeAsync first.");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Side stores call this before every connection; once open, they must not queue behind a write batch.
        if (Volatile.Read(ref _graph) is not null && !_disposed) return;
        await _writeGate.WaitAsync(cancellationToken); // a second caller waits, then finds the store open
        var gateHandedOver = false;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_graph is null) gateHandedOver = await OpenAsync(cancellationToken);
        }
        finally
        {
            if (!gateHandedOver) _writeGate.Release();
        }
    }

    /// <summary>Opens the file and builds the index; true when the write gate now belongs to the identifier load.</summary>
    private async Task<bool> OpenAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(_options.DatabasePath);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        _startupPhases.Clear();
        var fileLock = DatabaseLock.Acquire(path);
        var writer = new SqliteConnection(_writerConnectionString);
        SearchFile? search = null;
        try
        {
            await writer.OpenAsync(cancellationToken);
            // WAL persists in the file, so it is set once, when the file is created.
            if (isNew && NewFilePageSize > 0) Pragma(writer, $"page_size = {NewFilePageSize}"); // before WAL, which fixes it
            if (isNew) Pragma(writer, "journal_mode = WAL");
            Pragma(writer, "synchronous = NORMAL");
            Pragma(writer, $"cache_size = -{WriterCacheKiB}"); // bulk batches included (see SqliteCmdbStore.Writes.cs)
            Pragma(writer, $"busy_timeout = {_options.BusyTimeoutMilliseconds}");
            AppliedMigrations = Migrator.Migrate(writer, path, _time.GetUtcNow());
            // Pruned at start-up, before the index is built, so index and file agree on what history exists.
            PrunedRows = Retention.Prune(writer, _time.GetUtcNow().AddDays(-_options.RetentionDays));
            Phase("open, migrate, prune", watch);
            // The search file (V0012) is brought up to the database's last commit before anything reads or writes it.
            search = SearchFile.Open(writer, path, NewFilePageSize, _options.BusyTimeoutMilliseconds);
            Phase("search file", watch);
            var graph = new GraphIndex(Model);
            var loader = LoadIndex(writer, graph, watch, cancellationToken);
            _commands = new WriterCommands(writer, search);
            _search = search;
            _checkpointer = new Checkpointer(writer, _writerConnectionString);
            _writer = writer;
            _lock = fileLock;
            _graph = graph;
            _ = Task.Run(() => LoadIdentifiersHoldingWriteGate(loader), CancellationToken.None);
            return true;
        }
        catch
        {
            search?.Dispose();
            await writer.DisposeAsync();
            fileLock.Dispose();
            throw;
        }
    }

    public ValueTask<GraphIndex> GetGraphAsync(IReadOnlyCollection<string> startIds, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Graph);

    public void Dispose()
    {
        // Waits for a write in flight, so shutdown never cuts a batch in half; later writes see the store closed.
        _writeGate.Wait();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _checkpointer?.Dispose();
            _commands?.Dispose();
            _search?.Dispose();
            _writer?.Dispose();
            _lock?.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }

        // Pooled connections would keep the file open after the store is gone.
        using var reader = new SqliteConnection(_readerConnectionString);
        using var writer = new SqliteConnection(_writerConnectionString);
        SqliteConnection.ClearPool(reader);
        SqliteConnection.ClearPool(writer);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        _ = Graph;
        var connection = new SqliteConnection(_readerConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA " + pragma;
        cmd.ExecuteNonQuery();
    }
}
