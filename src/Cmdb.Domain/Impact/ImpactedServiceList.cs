using System.Collections;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <summary>
/// The business services of an impact summary in their final order (worst state first, then most critical, then id);
/// the order, the <see cref="ImpactedService"/> records and their id strings are made on first read.
/// </summary>
internal sealed class ImpactedServiceList : IReadOnlyList<ImpactedService>
{
    private readonly GraphIndex _graph;
    private readonly Func<List<Entry>> _entries;
    private ImpactedService[]? _items;

    private ImpactedServiceList(GraphIndex graph, int count, Func<List<Entry>> entries)
    {
        _graph = graph;
        Count = count;
        _entries = entries;
    }

    public int Count { get; }

    public ImpactedService this[int index] => Items[index];

    private ImpactedService[] Items => LazyInitializer.EnsureInitialized(ref _items, Materialise);

    /// <summary>Wraps <paramref name="entries"/> (kept, not copied); they are ordered on first read (a count needs no order).</summary>
    public static ImpactedServiceList Create(GraphIndex graph, List<Entry> entries) => new(graph, entries.Count, () => entries);

    /// <summary>A list of <paramref name="count"/> services whose entries <paramref name="entries"/> makes on first read (a count needs none).</summary>
    public static ImpactedServiceList Create(GraphIndex graph, int count, Func<List<Entry>> entries) => new(graph, count, entries);

    /// <summary>The entries, each with its ULID when it has one, in order: worst state first, then most critical, then id.</summary>
    private static Keyed[] Sort(GraphIndex graph, List<Entry> entries)
    {
        var array = new Keyed[entries.Count];
        var byUlid = true;
        for (var i = 0; i < array.Length; i++)
        {
            byUlid &= graph.TryGetUlid(entries[i].Node, out var ulid);
            array[i] = new Keyed(entries[i], ulid);
        }

        // Canonical ULID strings sort as their values, so ids need not be made to be compared.
        if (byUlid && array.Length > 16 && TrySortByKey(array)) return array;
        if (byUlid) Array.Sort(array);
        else Array.Sort(array, (a, b) => Compare(a.Entry, b.Entry) is var c && c != 0 ? c : string.CompareOrdinal(graph.CiId(a.Entry.Node), graph.CiId(b.Entry.Node)));
        return array;
    }

    /// <summary>
    /// The <see cref="Keyed.CompareTo"/> order through one 64-bit key per entry: state (2 bits), tier (6 bits), then the
    /// 56 ULID bits from the highest bit in which any two of these ULIDs differ (the bits above it are the same in all
    /// of them, so they cannot decide). Sorting primitive keys is several times cheaper than comparing entries; equal
    /// keys keep the full comparison. False (nothing done) when a tier does not fit the key.
    /// </summary>
    private static bool TrySortByKey(Keyed[] array)
    {
        UInt128 differ = 0;
        for (var i = 1; i < array.Length; i++) differ |= array[i].Ulid ^ array[0].Ulid;
        var high = 127 - (int)UInt128.LeadingZeroCount(differ); // -1 when all are equal
        var shift = Math.Max(0, high + 1 - 56);
        var keys = new ulong[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            var e = array[i].Entry;
            if (e.Criticality is < 0 or > 62) return false;
            var tier = e.Criticality == 0 ? 63UL : (ulong)e.Criticality; // no tier comes last
            keys[i] = ((ulong)(3 - (int)e.State) << 62) | (tier << 56) | ((ulong)(array[i].Ulid >> shift) & ((1UL << 56) - 1));
        }

        Array.Sort(keys, array);
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] != keys[i - 1]) continue;
            var from = i - 1;
            while (i + 1 < keys.Length && keys[i + 1] == keys[from]) i++;
            Array.Sort(array, from, i - from + 1);
        }

        return true;
    }

    public IEnumerator<ImpactedService> GetEnumerator() => ((IEnumerable<ImpactedService>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Worst state first; tier 1 is the most critical and CIs without a tier come last.
    private static int Compare(in Entry a, in Entry b) =>
        a.State != b.State ? b.State.CompareTo(a.State) : Tier(a.Criticality).CompareTo(Tier(b.Criticality));

    private static int Tier(int criticality) => criticality == 0 ? int.MaxValue : criticality;

    private ImpactedService[] Materialise()
    {
        var sorted = Sort(_graph, _entries()); // a new array: two first readers may race here harmlessly
        var items = new ImpactedService[sorted.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var e = sorted[i].Entry;
            items[i] = new ImpactedService(
                _graph.CiId(e.Node), _graph.Model.Classes[e.ClassIndex].Name, e.Criticality == 0 ? null : e.Criticality, e.State, e.Depth);
        }

        return items;
    }

    /// <summary>One reached service: its node, class, criticality (0 = none), state and depth.</summary>
    internal readonly struct Entry(int node, int classIndex, int criticality, ImpactState state, int depth)
    {
        public readonly int Node = node;
        public readonly int ClassIndex = classIndex;
        public readonly int Criticality = criticality;
        public readonly ImpactState State = state;
        public readonly int Depth = depth;
    }

    /// <summary>An entry with its ULID, while sorting.</summary>
    private readonly struct Keyed(Entry entry, UInt128 ulid) : IComparable<Keyed>
    {
        public readonly Entry Entry = entry;
        public readonly UInt128 Ulid = ulid;

        /// <summary>The final order when every id is a canonical ULID.</summary>
        public int CompareTo(Keyed other) => ImpactedServiceList.Compare(Entry, other.Entry) is var c && c != 0 ? c : Ulid.CompareTo(other.Ulid);
    }
}
