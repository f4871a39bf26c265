using System.Collections;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <summary>
/// The business services of an impact summary, already in their final order (worst state first, then most critical,
/// then id); the <see cref="ImpactedService"/> records and their id strings are made on first read.
/// </summary>
internal sealed class ImpactedServiceList : IReadOnlyList<ImpactedService>
{
    private readonly GraphIndex _graph;
    private readonly Entry[] _entries;
    private ImpactedService[]? _items;

    private ImpactedServiceList(GraphIndex graph, Entry[] entries)
    {
        _graph = graph;
        _entries = entries;
    }

    public int Count => _entries.Length;

    public ImpactedService this[int index] => Items[index];

    private ImpactedService[] Items => LazyInitializer.EnsureInitialized(ref _items, Materialise);

    /// <summary>Orders <paramref name="entries"/> (all of it) and wraps them.</summary>
    public static ImpactedServiceList Sorted(GraphIndex graph, List<Entry> entries)
    {
        var array = entries.ToArray();
        var byUlid = true;
        for (var i = 0; i < array.Length && byUlid; i++)
        {
            byUlid = graph.TryGetUlid(array[i].Node, out var ulid);
            array[i].Ulid = ulid;
        }

        // Canonical ULID strings sort as their values, so ids need not be made to be compared.
        if (byUlid && array.Length > 32) SortByKey(array);
        else if (byUlid) Array.Sort(array);
        else Array.Sort(array, (a, b) => Compare(a, b) is var c && c != 0 ? c : string.CompareOrdinal(graph.CiId(a.Node), graph.CiId(b.Node)));
        return new ImpactedServiceList(graph, array);
    }

    /// <summary>
    /// The <see cref="Entry.CompareTo"/> order through one 128-bit key per entry (state, tier, then the ULID's top 96
    /// bits): sorting keys is several times cheaper than comparing the entries. Equal keys keep the full comparison.
    /// </summary>
    private static void SortByKey(Entry[] array)
    {
        var keys = new UInt128[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            var e = array[i];
            var tier = Math.Min(Tier(e.Criticality), 0xFFFFFF); // "no tier" (int.MaxValue) and any tier above share the last place
            if (tier < 0 || (tier == 0xFFFFFF && e.Criticality != 0))
            {
                Array.Sort(array); // a tier the key cannot hold in order
                return;
            }

            var prefix = ((uint)(byte.MaxValue - (byte)e.State) << 24) | (uint)tier;
            keys[i] = ((UInt128)prefix << 96) | (e.Ulid >> 32);
        }

        Array.Sort(keys, array);
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] != keys[i - 1]) continue;
            var from = i - 1;
            while (i + 1 < keys.Length && keys[i + 1] == keys[from]) i++;
            Array.Sort(array, from, i - from + 1);
        }
    }

    public IEnumerator<ImpactedService> GetEnumerator() => ((IEnumerable<ImpactedService>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Worst state first; tier 1 is the most critical and CIs without a tier come last.
    private static int Compare(in Entry a, in Entry b) =>
        a.State != b.State ? b.State.CompareTo(a.State) : Tier(a.Criticality).CompareTo(Tier(b.Criticality));

    private static int Tier(int criticality) => criticality == 0 ? int.MaxValue : criticality;

    private ImpactedService[] Materialise()
    {
        var items = new ImpactedService[_entries.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var e = _entries[i];
            items[i] = new ImpactedService(
                _graph.CiId(e.Node), _graph.Model.Classes[e.ClassIndex].Name, e.Criticality == 0 ? null : e.Criticality, e.State, e.Depth);
        }

        return items;
    }

    /// <summary>One reached service: its node, class, criticality (0 = none), state and depth.</summary>
    internal struct Entry(int node, int classIndex, int criticality, ImpactState state, int depth) : IComparable<Entry>
    {
        public readonly int Node = node;
        public readonly int ClassIndex = classIndex;
        public readonly int Criticality = criticality;
        public readonly ImpactState State = state;
        public readonly int Depth = depth;
        public UInt128 Ulid;

        /// <summary>The final order when every id is a canonical ULID (set in <see cref="Ulid"/>).</summary>
        public readonly int CompareTo(Entry other) => ImpactedServiceList.Compare(this, other) is var c && c != 0 ? c : Ulid.CompareTo(other.Ulid);
    }
}
