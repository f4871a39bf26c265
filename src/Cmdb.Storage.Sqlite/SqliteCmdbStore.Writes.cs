using System.Diagnostics;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    private const int SqliteConstraint = 19;

    // A bulk batch keeps the writer's everyday page cache (WriterCacheKiB). It used to raise it to 256 MB for the
    // batch: every page of that cache is memory the batch touches for the first time (a page fault each, and lowering
    // the limit afterwards handed it back, so later batches often faulted it in again), and on the benchmark machine
    // those faults cost more than the statement thread's whole page-cache work. With 64 MB (16 MB since session 14) the
    // pages a batch has filled are written to the WAL before COMMIT instead of at it, and they are almost never read
    // back (25–31 cache misses per 500k-CI batch at 1M CIs). Measurements: docs/benchmarks.md, "Bulk import: session 11".
    // "Bulk" here means only "skips the foreign-key lookups" (see ApplyAsync), and every pipelined batch does: with the
    // threshold at 10,000 operations a discovery run's batches (5,000) still paid a lookup of ci's id index per version
    // and identifier row on the statement thread (about a tenth of its CPU in the 1M-CI discovery benchmark).
    private int BulkOperations => PipelineOperations;

    /// <summary>
    /// Batches of at least this many operations step their statements on a second thread while the batch's thread
    /// prepares the next rows (<see cref="WritePipeline"/>). Below it the thread hand-over costs more than it saves.
    /// Settable for tests, which compare both ways of writing.
    /// </summary>
    internal int PipelineOperations { get; set; } = 1_000;

    /// <summary>
    /// Pipelined batches with at least this many upserts by identifiers digest them ahead on another thread
    /// (<see cref="DigestAhead"/>). Settable for tests and benchmarks, which compare both ways.
    /// </summary>
    internal int DigestAheadUpserts { get; set; } = 2_000;

    /// <summary>
    /// CPU seconds of the last committed batch's own thread and of its statement thread (0 when not pipelined), for the
    /// benchmarks: the larger one is the batch's wall time when both cores are free.
    /// </summary>
    internal (double BatchThread, double StatementThread) LastBatchCpu { get; private set; }

    /// <summary>
    /// Wall seconds of the last committed batch's phases (for the benchmarks): applying the operations (statements
    /// drained), COMMIT, publishing to the index; and how long the batch's thread waited for the statement thread and
    /// the statement thread for work.
    /// </summary>
    internal (double Apply, double Commit, double Publish, double BatchWaited, double StatementIdle) LastBatchWall { get; private set; }

    /// <summary>
    /// The last committed batch's search file thread (V0012): CPU and idle wall seconds (0 when not pipelined), and the
    /// wall seconds of the search file's COMMIT (benchmarks).
    /// </summary>
    internal (double Cpu, double Idle, double Commit) LastSearchThread { get; private set; }

    /// <summary>Wall seconds of the last batch's publish: nodes, edges, identifiers (benchmarks).</summary>
    internal (double Nodes, double Edges, double Identifiers) LastPublishSplit { get; private set; }

    /// <summary>
    /// Bytes in the writer connection's page cache just before the last batch's COMMIT (SQLite's own count), for tests
    /// and benchmarks: a bulk batch stays within <see cref="WriterCacheKiB"/> like any other.
    /// </summary>
    internal long LastBatchCacheBytes { get; private set; }

    /// <summary>The tapes pipelined batches hand between threads, kept from batch to batch (tests).</summary>
    internal TapePool WriterTapes => _commands!.Tapes;

    /// <summary>The per-CI tables each batch reuses (under the write gate), so a batch does not size new ones.</summary>
    private readonly WriteSession.Tables _sessionTables = new();

    /// <summary>The tables batches reuse (tests).</summary>
    internal WriteSession.Tables SessionTables => _sessionTables;

    /// <summary>How many upserts were found unchanged from the in-memory fingerprints, without reading the file (for tests and benchmarks).</summary>
    internal long UnchangedInMemory { get; private set; }

    public async Task<WriteResult> ApplyAsync(WriteBatch batch, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(actor);
        var graph = Graph;
        var bulk = batch.Operations.Count >= BulkOperations;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ThrowIfIdentifiersMissing();
            // Commit times never go backwards, so "as of T" always finds one commit.
            var atMs = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), _lastAtMs);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(atMs);
            var seq = _lastSeq + 1;
            var results = new List<OperationResult>(batch.Operations.Count);
            if (bulk)
            {
                // Every reference a batch writes is checked in memory first (relationship ends resolve through the
                // index, versions and identifiers name the CI just written), so the per-row foreign-key lookups only
                // repeat that check; a bulk batch skips them. Set outside the transaction: SQLite ignores it inside.
                Pragma(_writer!, "foreign_keys = OFF");
            }

            WriteSession session;
            double applied = 0, committed = 0, searchCommitted = 0;
            if (_searchBehindFrom is { } behind) CatchUpSearch(behind);
            using (var tx = _writer!.BeginTransaction(deferred: false)) // BEGIN IMMEDIATE: take the write lock before reading
            using (var searchTx = _search!.Begin()) // the search file's part (V0012), committed after the database's
            {
                session = new WriteSession(Model, graph, _identifiers, _fingerprints, _commands!, tx, actor, seq, at, _sessionTables)
                {
                    NextRid = _nextRid,
                    NextRelationshipId = _nextRelationshipId,
                    NextAuditId = _nextAuditId,
                    DigestAheadUpserts = DigestAheadUpserts,
                    ReadAhead = _readAhead,
                    SearchTx = searchTx,
                };
                // Disposed before the transaction: the statement thread stops before any rollback.
                using (session)
                {
                    try
                    {
                        var started = Stopwatch.GetTimestamp();
                        session.ApplyAll(batch.Operations, results, PipelineOperations, cancellationToken);
                        applied = Stopwatch.GetElapsedTime(started).TotalSeconds;
                        UnchangedInMemory += session.UnchangedInMemory;
                        if (!session.Changed) return new WriteResult(results, at); // disposing the transaction rolls it back
                        _commands!.InsertTxn.Execute(tx, seq, atMs, actor.Describe());
                        _search.Mark(searchTx, seq);
                        LastBatchCacheBytes = WriterCacheBytes();
                        started = Stopwatch.GetTimestamp();
                        tx.Commit();
                        committed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                        started = Stopwatch.GetTimestamp();
                        CommitSearch(searchTx, seq);
                        searchCommitted = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    }
                    catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
                    {
                        // The checks above should make this unreachable; the schema's constraints are the last line.
                        throw CmdbException.Conflict($"The write breaks a uniqueness or reference rule of the store ({e.Message}).");
                    }
                }
            }

            LastBatchCpu = (session.BatchThreadCpu, session.StatementThreadCpu);
            LastSearchThread = (session.SearchThread.Cpu, session.SearchThread.Idle, searchCommitted);
            var publishing = Stopwatch.GetTimestamp();
            session.Publish();
            LastPublishSplit = session.PublishSplit;
            LastBatchWall = (applied, committed, Stopwatch.GetElapsedTime(publishing).TotalSeconds, session.PipelineWaits.BatchWaited, session.PipelineWaits.StatementIdle);
            _lastSeq = seq;
            _nextRid = session.NextRid;
            _nextRelationshipId = session.NextRelationshipId;
            _nextAuditId = session.NextAuditId;
            _lastAtMs = atMs;
            graph.Commits.Append(seq, at);
            return new WriteResult(results, at);
        }
        finally
        {
            if (bulk && _writer is not null && !_disposed) Pragma(_writer, "foreign_keys = ON");

            _writeGate.Release();
        }
    }

    private long WriterCacheBytes()
    {
        const int CacheUsed = 1; // SQLITE_DBSTATUS_CACHE_USED
        return SQLitePCL.raw.sqlite3_db_status(_writer!.Handle, CacheUsed, out var current, out _, 0) == 0 ? current : -1;
    }
}
