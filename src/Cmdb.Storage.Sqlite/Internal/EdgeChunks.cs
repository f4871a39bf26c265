using Cmdb.Domain.Graph;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The relationship ids [min, max] cut into ranges that start-up threads take in turn, and the one batch they all
/// write. Range c covers <see cref="RangeIds"/> ids and so at most that many rows: its rows go from
/// c × <see cref="RangeIds"/> on, no thread waits for another to know where to write, and <see cref="Close"/> moves
/// the ranges together (nothing moves when ids have no gaps). Rows stay in id order.
/// </summary>
internal sealed class EdgeChunks
{
    /// <summary>Most ids per range: 60 ranges at a million CIs, so both threads end at about the same time.</summary>
    public const int MaxRangeIds = 1 << 16;

    private readonly long _minId;
    private readonly int[] _rows;
    private int _next = -1;
    private volatile bool _stopped;

    public EdgeChunks(long minId, long maxId)
    {
        _minId = minId;
        var span = Math.Max(0, maxId - minId + 1);
        if (span > Array.MaxLength / 2)
            throw new InvalidOperationException($"Relationship ids span {span:N0} values ({minId}..{maxId}); start-up can load at most {Array.MaxLength / 2:N0}.");
        RangeIds = (int)Math.Clamp(span / 32, 16, MaxRangeIds); // small files get several ranges too, so tests cover the joins
        _rows = new int[(int)((span + RangeIds - 1) / RangeIds)];
        Batch = new EdgeBatch((int)Math.Min(Array.MaxLength / 2, span + (span / 32) + 1024), wideKeys: maxId > int.MaxValue || minId < int.MinValue);
    }

    public EdgeBatch Batch { get; }

    /// <summary>Ids per range.</summary>
    public int RangeIds { get; }

    public int Count => _rows.Length;

    /// <summary>The next range nobody took; false when all are taken or a thread failed.</summary>
    public bool TryTake(out int chunk)
    {
        chunk = _stopped ? _rows.Length : Interlocked.Increment(ref _next);
        return chunk < _rows.Length;
    }

    /// <summary>The ids [from, to) of range <paramref name="chunk"/>.</summary>
    public (long From, long To) Ids(int chunk) => (_minId + ((long)chunk * RangeIds), _minId + ((long)(chunk + 1) * RangeIds));

    public int FirstRow(int chunk) => chunk * RangeIds;

    public void Done(int chunk, int rows) => Volatile.Write(ref _rows[chunk], rows);

    public void Stop() => _stopped = true;

    /// <summary>After every thread finished: moves the ranges together and sets the batch's count.</summary>
    public EdgeBatch Close()
    {
        var at = 0;
        for (var c = 0; c < _rows.Length; c++)
        {
            var rows = Volatile.Read(ref _rows[c]);
            Batch.Move(FirstRow(c), at, rows);
            at += rows;
        }

        Batch.SetCount(at);
        return Batch;
    }
}
