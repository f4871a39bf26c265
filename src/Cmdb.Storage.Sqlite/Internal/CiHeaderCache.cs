using System.Collections.Concurrent;
using Cmdb.Domain.Items;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The current id, class and name of recently read CIs, each tagged with the commit whose state it shows. An entry
/// serves a read only while that commit is still the newest published one (<c>CommitLog.Latest</c>), so any committed
/// write makes every entry stale at once: a read that starts after a write returned can never see what it replaced.
/// </summary>
/// <remarks>
/// <para>Tag entries with the commit of the read that produced them (<c>max(txn.seq)</c> read in the same statement),
/// never with the commit published when the read started: a write may commit in SQLite a moment before it is
/// published, and a row read in that moment shows the newer state.</para>
/// <para>Bounded by <see cref="Capacity"/> entries; when full it starts over, like the document cache. Values are
/// immutable records shared between requests.</para>
/// </remarks>
internal sealed class CiHeaderCache(int capacity)
{
    /// <summary>Entries kept by default: the hot set of a busy API, about 10 MB.</summary>
    public const int DefaultCapacity = 64 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _count;

    public int Capacity { get; } = capacity;

    /// <summary>How many entries are held now, stale ones included (for tests).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The header of <paramref name="id"/> when the cache holds it as of commit <paramref name="latest"/>.</summary>
    public bool TryGet(string id, int latest, out CiHeader header)
    {
        if (_entries.TryGetValue(id, out var entry) && entry.Seq == latest)
        {
            header = entry.Header;
            return true;
        }

        header = null!;
        return false;
    }

    /// <summary>Keeps <paramref name="header"/> as the state of its CI at commit <paramref name="seq"/>.</summary>
    public void Add(CiHeader header, int seq)
    {
        var entry = new Entry(header, seq);
        if (_entries.TryAdd(header.Id, entry))
        {
            if (Interlocked.Increment(ref _count) > Capacity) Reset();
            return;
        }

        _entries[header.Id] = entry;
    }

    private void Reset()
    {
        lock (_gate)
        {
            if (Volatile.Read(ref _count) <= Capacity) return;
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }
    }

    private readonly record struct Entry(CiHeader Header, int Seq);
}
