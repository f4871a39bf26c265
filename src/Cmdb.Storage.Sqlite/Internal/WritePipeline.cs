using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Steps a large batch's statements on a second thread, in order, while the batch's own thread identifies, merges
/// and writes the JSON of the next operations. Both halves cost about the same (roughly half of a new CI is SQLite,
/// half managed work), so on two free cores a bulk import takes about half the wall time.
/// </summary>
/// <remarks>
/// Everything still runs in the batch's one transaction on the writer connection; only the thread that steps the
/// native statements differs, and never two threads at once on one statement. The batch's thread must
/// <see cref="Drain"/> before it reads the file (so it reads its own writes) and before COMMIT or ROLLBACK, and
/// <see cref="Dispose"/> stops the stepping thread on every path, so a rollback never races a pending insert.
/// A failed statement stops the stepping; the batch's thread rethrows that exception at its next hand-over.
/// </remarks>
internal sealed class WritePipeline : IDisposable
{
    // Large hand-overs: on a busy machine every wake-up of the other thread waits for the scheduler. But few of them
    // queued: everything queued (values, JSON copies) is still alive at a garbage collection, and each collection
    // copied up to 16 chunks of it.
    private const int ChunkSteps = 1024;
    // UTF-8 values (a new CI's JSON snapshot) are copied into slabs that go back to the batch's thread once their chunk
    // has run, instead of into an array per value: those arrays were the largest share of a bulk import's allocations.
    private const int SlabBytes = 64 * 1024;
    private const int LargestSlabbed = SlabBytes / 4;
    private readonly SqliteTransaction _tx;
    private readonly BlockingCollection<Chunk> _chunks = new(boundedCapacity: 6);
    private readonly ConcurrentQueue<byte[]> _freeSlabs = new();
    private readonly ConcurrentQueue<List<PendingStep>> _freeSteps = new();
    private readonly Thread _thread;
    private readonly object _gate = new(); // a Monitor, not a Lock: Drain waits on it
    private List<PendingStep> _current = new(ChunkSteps);
    private List<byte[]> _currentSlabs = [];
    private byte[]? _slab;
    private int _slabUsed;
    private int _queued; // chunks handed over and not yet finished; guarded by _gate
    private volatile ExceptionDispatchInfo? _failure;
    private volatile bool _stopping;
    private bool _disposed;

    public WritePipeline(SqliteTransaction tx)
    {
        _tx = tx;
        _thread = new Thread(Run) { IsBackground = true, Name = "cmdb-sqlite-writer" };
        _thread.Start();
    }

    /// <summary>Queues a statement execution. Values must not change afterwards (UTF-8 buffers are copied here).</summary>
    public void Add(Statement statement, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // The session's JSON buffer is reused for the next row: keep this row's text.
            if (values[i] is ReadOnlyMemory<byte> utf8) values[i] = Keep(utf8.Span);
        }

        _current.Add(new PendingStep(statement, values));
        if (_current.Count >= ChunkSteps) Hand();
    }

    /// <summary>A copy of <paramref name="utf8"/> that stays unchanged until its chunk has run.</summary>
    private ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > LargestSlabbed) return utf8.ToArray();
        if (_slab is null || _slabUsed + utf8.Length > _slab.Length)
        {
            if (!_freeSlabs.TryDequeue(out _slab)) _slab = GC.AllocateUninitializedArray<byte>(SlabBytes);
            _currentSlabs.Add(_slab);
            _slabUsed = 0;
        }

        var at = _slabUsed;
        utf8.CopyTo(_slab.AsSpan(at));
        _slabUsed += utf8.Length;
        return new ReadOnlyMemory<byte>(_slab, at, utf8.Length);
    }

    /// <summary>Waits until every queued statement has run; rethrows the first failure.</summary>
    public void Drain()
    {
        Hand();
        var start = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            while (_queued > 0) Monitor.Wait(_gate);
        }

        WaitedSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        _failure?.Throw();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stopping = true;
        _chunks.CompleteAdding();
        _thread.Join();
        _chunks.Dispose();
    }

    private void Hand()
    {
        _failure?.Throw();
        if (_current.Count == 0) return;
        lock (_gate) _queued++;
        var start = Stopwatch.GetTimestamp();
        _chunks.Add(new Chunk(_current, _currentSlabs)); // blocks while the statement thread is 6 chunks behind
        WaitedSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        _current = _freeSteps.TryDequeue(out var steps) ? steps : new List<PendingStep>(ChunkSteps);
        _currentSlabs = [];
        _slab = null; // the next chunk's values go into a slab of their own: this one returns with its chunk
    }

    /// <summary>Wall seconds the batch's thread spent waiting for the statement thread (a full queue, or a drain).</summary>
    public double WaitedSeconds { get; private set; }

    /// <summary>Wall seconds the statement thread waited for work (known once <see cref="Dispose"/> has returned).</summary>
    public double IdleSeconds { get; private set; }

    /// <summary>CPU seconds the statement thread used (known once <see cref="Dispose"/> has returned).</summary>
    public double ThreadCpuSeconds { get; private set; }

    private void Run()
    {
        var cpu = ThreadCpu.Seconds();
        RunChunks();
        ThreadCpuSeconds = ThreadCpu.Seconds() - cpu;
    }

    private void RunChunks()
    {
        var idleFrom = Stopwatch.GetTimestamp();
        foreach (var chunk in _chunks.GetConsumingEnumerable())
        {
            IdleSeconds += Stopwatch.GetElapsedTime(idleFrom).TotalSeconds;
            if (_failure is null && !_stopping)
            {
                try
                {
                    foreach (var step in chunk.Steps) step.Statement.Run(_tx, step.Values);
                }
#pragma warning disable CA1031 // any failure is handed to the batch's thread, which rethrows it
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }

            chunk.Steps.Clear(); // drops the values before the list is reused
            _freeSteps.Enqueue(chunk.Steps);
            foreach (var slab in chunk.Slabs) _freeSlabs.Enqueue(slab);
            lock (_gate)
            {
                if (--_queued == 0) Monitor.PulseAll(_gate);
            }

            idleFrom = Stopwatch.GetTimestamp();
        }
    }

    private readonly record struct PendingStep(Statement Statement, object?[] Values);

    /// <summary>Steps handed over together, and the slabs their UTF-8 values point into.</summary>
    private sealed record Chunk(List<PendingStep> Steps, List<byte[]> Slabs);
}
