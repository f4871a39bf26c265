using System.Collections.Concurrent;
using Cmdb.Domain.Items;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Current CI snapshots a large read just handed out (discovery reads every CI it is about to update), kept with their
/// search keys (<c>ci.rid</c>) so that the writer can take them instead of reading and parsing the same snapshots again.
/// </summary>
/// <remarks>
/// A discovery run reads each matched CI to decide precedence, then writes an update naming the version it read; the
/// writer read the CI a second time (a read ahead of the batch's updates that also stopped the statement thread until
/// every queued row had run). Here the writer takes the snapshot only when it is still the CI's current state: the
/// in-memory fingerprint (digest and version of the committed state, which every commit updates) must match the
/// snapshot's own digest and version. Anything else (a CI written since, created since start-up, or a snapshot a caller
/// changed) is read from the file as before. Reads of fewer than <see cref="MinimumIds"/> CIs are not kept, and the
/// whole set is dropped when it outgrows <see cref="Capacity"/>. The snapshots are held weakly: the caller holds what
/// it is about to write (discovery keeps each plan's snapshot until written), so nothing here keeps alive a snapshot
/// that nobody writes (a dry run's, an API read's).
/// </remarks>
internal sealed class CiReadAhead
{
    /// <summary>Reads of at least this many ids are kept (a discovery chunk is 5,000; interactive reads are a handful).</summary>
    public const int MinimumIds = 1000;

    /// <summary>
    /// More than this many kept snapshots (or three times the read being kept, for a caller reading larger chunks) and
    /// the set starts over. Discovery reads at most about two chunks ahead of its writes, so four of its chunks fit.
    /// </summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>How many snapshots the writer took from here rather than from the file (tests and benchmarks).</summary>
    public long Taken => Interlocked.Read(ref _taken);

    private long _taken;

    public int Count => _entries.Count;

    /// <summary>Before a read of <paramref name="count"/> ids is kept: makes room when the set would outgrow its capacity.</summary>
    public void Reserve(int count)
    {
        if (_entries.Count + count > Math.Max(Capacity, 3 * count)) _entries.Clear();
    }

    public void Add(ConfigurationItem ci, long rid) => _entries[ci.Id] = new Entry(new WeakReference<ConfigurationItem>(ci), rid);

    /// <summary>Removes and returns the kept snapshot of the CI, if any; the caller checks that it is still current.</summary>
    public bool TryTake(string id, out ConfigurationItem ci, out long rid)
    {
        rid = 0;
        if (_entries.IsEmpty || !_entries.TryRemove(id, out var entry) || !entry.Ci.TryGetTarget(out var kept))
        {
            ci = null!;
            return false;
        }

        (ci, rid) = (kept, entry.Rid);
        return true;
    }

    /// <summary>Counts a snapshot the writer used.</summary>
    public void Used() => Interlocked.Increment(ref _taken);

    public void Clear() => _entries.Clear();

    // A struct held in the map's own node: a record class was one more object per kept snapshot (50k in a 1M first run).
    private readonly record struct Entry(WeakReference<ConfigurationItem> Ci, long Rid);
}
