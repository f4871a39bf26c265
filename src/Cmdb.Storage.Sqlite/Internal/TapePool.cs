using System.Collections.Concurrent;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The <see cref="StepTape"/>s the write pipelines of one store hand between their threads, kept from one batch to the
/// next. Each pipelined batch used to make its own tapes (two pipelines, up to eight tapes each, every tape with its
/// value arrays and 64 kB pinned text slabs): at 5,000 operations a batch, as discovery writes, that was about a third
/// of what the store allocated, all of it fresh memory the process faulted in, and the GC walked it while the batch ran.
/// </summary>
/// <remarks>
/// A tape is returned cleared by the thread that ran it and taken by the batch's thread; both pipelines of a batch may
/// share the pool. At most <see cref="Capacity"/> tapes are kept (what two pipelines use at once): a tape returned to
/// a full pool is left to the collector, so the memory kept between batches stays bounded: a tape of 1,024 rows holds a
/// few 64 kB slabs (about 0.3 MB for CI rows), so a full pool keeps about 5 MB, plus the larger slab of any oversized value.
/// </remarks>
internal sealed class TapePool
{
    /// <summary>Tapes kept between batches: a pipeline's queue of six, the one being filled and the one being run, times two pipelines.</summary>
    public const int Capacity = 16;

    private readonly ConcurrentQueue<StepTape> _tapes = new();
    private long _made;

    /// <summary>Tapes made because the pool had none (tests: batches after the first make none, or almost none).</summary>
    public long Made => Interlocked.Read(ref _made);

    /// <summary>Tapes kept now.</summary>
    public int Count => _tapes.Count;

    /// <summary>A cleared tape: a kept one if any, else a new one.</summary>
    public StepTape Take()
    {
        if (_tapes.TryDequeue(out var tape)) return tape;
        Interlocked.Increment(ref _made);
        return new StepTape();
    }

    /// <summary>Keeps <paramref name="tape"/> (cleared here) for a later take, unless the pool is full.</summary>
    public void Return(StepTape tape)
    {
        tape.Clear();
        if (_tapes.Count < Capacity) _tapes.Enqueue(tape);
    }
}
