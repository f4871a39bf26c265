using System.Runtime.CompilerServices;

namespace Cmdb.Domain.Graph;

/// <summary>
/// CI id by node and node by CI id. A canonical ULID is held as its 16-byte value (no string per CI) and found
/// through an open-addressing table of node numbers; any other id (tests, what-if copies) keeps its string in a small
/// side map. Strings for the public API are made on demand and are short-lived.
/// </summary>
/// <remarks>
/// One writer (under the index's lock), lock-free readers of ULID lookups: the writer stores a node's value before
/// the table slot that names the node, grows arrays by publishing filled copies, and never moves or removes an
/// entry, so a reader sees either nothing or a complete entry. A named node's value holds <see cref="NamedHigh"/> and
/// the index of its string; a ULID with that high half (a timestamp in the year 10889) is kept as a name too.
/// </remarks>
internal sealed class NodeIds
{
    private const ulong NamedHigh = ulong.MaxValue;
    private readonly Dictionary<string, int> _nodeByName = new(StringComparer.Ordinal);
    private UInt128[] _ids;
    private int[] _slots; // node + 1 per slot, 0 = empty; 1.5 slots per node of capacity, so at most two thirds full
    private string[] _names = new string[4];
    private int _ulidCount;
    private int _nameCount;

    public NodeIds(int capacity)
    {
        _ids = new UInt128[capacity];
        _slots = new int[SlotsFor(capacity)];
    }

    public int Capacity => _ids.Length;

    /// <summary>Bytes held by the arrays (for diagnostics).</summary>
    public long Bytes => (16L * _ids.Length) + (4L * _slots.Length);

    /// <summary>Lock-free: the node of a ULID, or -1.</summary>
    public int Find(UInt128 ulid)
    {
        if ((ulong)(ulid >> 64) == NamedHigh) return -1; // kept by name
        var slots = Volatile.Read(ref _slots);
        for (var i = Start(ulid, slots.Length); ; i = i + 1 == slots.Length ? 0 : i + 1)
        {
            var entry = Volatile.Read(ref slots[i]);
            if (entry == 0) return -1;
            if (Volatile.Read(ref _ids)[entry - 1] == ulid) return entry - 1;
        }
    }

    /// <summary>The node of a non-ULID id, or -1: hold the writer's lock (the map is not safe against a concurrent write).</summary>
    public int FindName(string id) => _nodeByName.TryGetValue(id, out var node) ? node : -1;

    /// <summary>The id text of <paramref name="node"/> (a new string for a ULID).</summary>
    public string IdOf(int node)
    {
        var value = Volatile.Read(ref _ids)[node];
        return (ulong)(value >> 64) == NamedHigh ? Volatile.Read(ref _names)[(int)(ulong)value] : UlidText.Format(value);
    }

    /// <summary>The ULID value of <paramref name="node"/>; false for a node whose id is not a canonical ULID.</summary>
    public bool TryUlidOf(int node, out UInt128 ulid)
    {
        ulid = Volatile.Read(ref _ids)[node];
        return (ulong)(ulid >> 64) != NamedHigh;
    }

    /// <summary>Writer only: records the id of the new node <paramref name="node"/> and makes it findable (capacity ensured).</summary>
    public void Add(int node, string id)
    {
        Store(node, id);
        Index(node);
    }

    /// <summary>Writer only: as <see cref="Add(int, string)"/> for a ULID value.</summary>
    public void Add(int node, UInt128 ulid)
    {
        Store(node, ulid);
        Index(node);
    }

    /// <summary>
    /// Writer only, first step: stores the id so <see cref="IdOf"/> answers; do this before publishing the node count,
    /// and <see cref="Index"/> after it, so no lookup finds a node a reader cannot use yet.
    /// </summary>
    public void Store(int node, string id)
    {
        if (UlidText.TryParse(id, out var ulid)) Store(node, ulid);
        else StoreName(node, id);
    }

    /// <summary>Writer only: see <see cref="Store(int, string)"/>.</summary>
    public void Store(int node, UInt128 ulid)
    {
        if ((ulong)(ulid >> 64) == NamedHigh) StoreName(node, UlidText.Format(ulid));
        else _ids[node] = ulid;
    }

    /// <summary>Writer only, second step: makes the stored id of <paramref name="node"/> findable.</summary>
    public void Index(int node)
    {
        var value = _ids[node];
        if ((ulong)(value >> 64) == NamedHigh)
        {
            _nodeByName[_names[(int)(ulong)value]] = node;
            return;
        }

        if (3L * (_ulidCount + 1) > 2L * _slots.Length) Rehash(_slots.Length * 2);
        var slots = _slots;
        var i = Start(value, slots.Length);
        while (slots[i] != 0) i = i + 1 == slots.Length ? 0 : i + 1;
        Volatile.Write(ref slots[i], node + 1); // after the value: a reader that finds the slot finds the value
        _ulidCount++;
    }

    /// <summary>Writer only: makes room for nodes below <paramref name="capacity"/> (and a table that holds them at half load).</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _ids.Length)
        {
            var grown = new UInt128[capacity];
            Array.Copy(_ids, grown, _ids.Length);
            Volatile.Write(ref _ids, grown);
        }

        var wanted = SlotsFor(capacity);
        if (wanted > _slots.Length) Rehash(wanted);
    }

    private void StoreName(int node, string id)
    {
        var index = _nameCount++;
        if (index == _names.Length)
        {
            var grown = new string[index * 2];
            Array.Copy(_names, grown, index);
            Volatile.Write(ref _names, grown);
        }

        _names[index] = id;
        _ids[node] = new UInt128(NamedHigh, (ulong)index); // published by the node count that follows
    }

    private void Rehash(int size)
    {
        var slots = new int[size];
        foreach (var entry in _slots)
        {
            if (entry == 0) continue;
            var i = Start(_ids[entry - 1], size);
            while (slots[i] != 0) i = i + 1 == size ? 0 : i + 1;
            slots[i] = entry;
        }

        Volatile.Write(ref _slots, slots);
    }

    /// <summary>Slots in the table.</summary>
    internal int SlotCount => _slots.Length;

    /// <summary>The first slot a value probes: its hash scaled to the table (any size, not only powers of two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Start(UInt128 value, int size) => (int)(((ulong)(uint)Hash(value) * (ulong)size) >> 32);

    private static int SlotsFor(int capacity) => (int)Math.Min(Array.MaxLength, Math.Max(16, capacity + (capacity / 2L)));

    /// <summary>
    /// Mixes both halves: ids of one import batch share their time and count up in the low bits, random ids differ
    /// anywhere, and both must spread over the table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(UInt128 value)
    {
        var x = (ulong)value ^ ((ulong)(value >> 64) * 0x9E3779B97F4A7C15UL);
        x ^= x >> 32;
        x *= 0xD6E8FEB86659FD93UL;
        x ^= x >> 29;
        return (int)x;
    }
}
