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
/// Rows are written into a <see cref="StepTape"/> (typed values, text already UTF-8 in pinned slabs) and handed over a
/// tape at a time; run tapes go back to the store's <see cref="TapePool"/>, so neither a row nor a batch allocates tapes
/// here once the first batches have filled the pool.
/// </remarks>
internal sealed class WritePipeline : IDisposable
{
    // Large hand-overs: on a busy machine every wake-up of the other thread waits for the scheduler. But few of them
    // queued: everything queued is still alive at a garbage collection.
    private const int ChunkSteps = 1024;
    private readonly SqliteTransaction _tx;
    private readonly BlockingCollection<StepTape> _chunks = new(boundedCapacity: 6);
    private readonly TapePool _tapes;
    private readonly Thread _thread;
    private readonly object _gate = new(); // a Monitor, not a Lock: Drain waits on it
    private int _queued; // tapes handed over and not yet finished; guarded by _gate
    private volatile ExceptionDispatchInfo? _failure;
    private volatile bool _stopping;
    private bool _disposed;

    public WritePipeline(SqliteTransaction tx, TapePool tapes, string threadName = "cmdb-sqlite-writer")
    {
        _tx = tx;
        _tapes = tapes;
        Tape = tapes.Take();
        _thread = new Thread(Run) { IsBackground = true, Name = threadName };
        _thread.Start();
    }

    /// <summary>The tape the batch's thread writes its next row into (<see cref="StepTape.Begin"/> … <see cref="Ended"/>).</summary>
    public StepTape Tape { get; private set; }

    /// <summary>Completes the row written into <see cref="Tape"/>; hands the tape over once it holds a chunk's worth.</summary>
    public void Ended()
    {
        Tape.End();
        if (Tape.Steps >= ChunkSteps) Hand();
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
        _tapes.Return(Tape); // the batch's thread is done with it: written rows not handed over are dropped (a rollback)
    }

    /// <summary>Hands the rows written so far to the thread without waiting for them (a tape shorter than a chunk included).</summary>
    public void Hand()
    {
        _failure?.Throw();
        if (Tape.Steps == 0) return;
        lock (_gate) _queued++;
        var start = Stopwatch.GetTimestamp();
        _chunks.Add(Tape); // blocks while the statement thread is 6 tapes behind
        WaitedSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        Tape = _tapes.Take();
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
        foreach (var tape in _chunks.GetConsumingEnumerable())
        {
            IdleSeconds += Stopwatch.GetElapsedTime(idleFrom).TotalSeconds;
            if (_failure is null && !_stopping)
            {
                try
                {
                    tape.RunAll(_tx);
                }
#pragma warning disable CA1031 // any failure is handed to the batch's thread, which rethrows it
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }

            _tapes.Return(tape);
            lock (_gate)
            {
                if (--_queued == 0) Monitor.PulseAll(_gate);
            }

            idleFrom = Stopwatch.GetTimestamp();
        }
    }
}
