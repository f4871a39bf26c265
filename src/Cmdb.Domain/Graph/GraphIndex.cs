using System.Runtime.CompilerServices;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Graph;

/// <summary>
/// The in-memory topology: CIs as dense integer nodes, relationships as numbered edges, and adjacency in both
/// directions as compressed sparse rows plus an overlay for what was written since the last compaction (see
/// <see cref="Compact"/>). An edge's ends and type live in its compact row entries (only edges written since the last
/// compaction keep them in per-edge arrays: see <see cref="Adjacency.Tail"/>). Every edge carries the commit interval
/// [<see cref="ValidFrom"/>, <see cref="ValidTo"/>) in which it existed, so one structure serves current and
/// as-of traversals.
/// </summary>
/// <remarks>
/// One writer, many lock-free readers. The writer fills an element before publishing the count (or array) that
/// makes it visible, and a reader reads the count before the array, so a reader sees a consistent prefix. Readers
/// also ignore everything newer than the commit they read at (<see cref="CommitLog.Latest"/> is published last).
/// </remarks>
public sealed partial class GraphIndex
{
    private const int Open = int.MaxValue;
    private readonly Lock _writer = new();
    private readonly NodeIds _ids = new(1024); // CI ids as 16-byte ULIDs, strings made on demand
    private readonly EdgeKeys _key = new(); // none held while keys follow edge numbers
    private readonly Dictionary<string, int> _environments = new(StringComparer.Ordinal) { [""] = 0 };
    private readonly NodeHistory _history = new(); // older states, newest first (with the current one too when it overflows)
    private long[] _facts = new long[2 * 1024]; // PackedFacts of the current state: two longs per node
    private Adjacency _adjacency = Adjacency.Empty();
    private int _nodeCount;

    private int[] _validFrom = new int[4096];
    private int[] _validTo = new int[4096];
    private int _edgeCount;

    public GraphIndex(ModelCatalog model)
    {
        Model = model;
        Commits = new CommitLog(CompactIfOverlayIsLarge);
    }

    public ModelCatalog Model { get; }

    public CommitLog Commits { get; }

    /// <summary>Number of node slots (every CI ever indexed, retired ones included).</summary>
    public int NodeCount => Volatile.Read(ref _nodeCount);

    /// <summary>Number of edge slots (removed relationships included, for as-of reads).</summary>
    public int EdgeCount => Volatile.Read(ref _edgeCount);

    /// <summary>The node of a CI id; lock-free for a canonical ULID, which is how the store spells every id it makes.</summary>
    public bool TryGetNode(string ciId, out int node)
    {
        ArgumentNullException.ThrowIfNull(ciId);
        if (UlidText.TryParse(ciId, out var ulid)) return TryGetNode(ulid, out node);
        lock (_writer) node = _ids.FindName(ciId);
        return node >= 0;
    }

    /// <summary>The node of a CI id given as its ULID value (see <see cref="UlidText"/>); lock-free, so loaders may call it from several threads.</summary>
    public bool TryGetNode(UInt128 ulid, out int node)
    {
        node = _ids.Find(ulid);
        if (node < 0 && (ulong)(ulid >> 64) == ulong.MaxValue)
        {
            lock (_writer) node = _ids.FindName(UlidText.Format(ulid)); // such ULIDs are kept by name
        }

        return node >= 0;
    }

    /// <summary>The CI id of <paramref name="node"/>: a new string each call for a ULID (ids are held as 16-byte values).</summary>
    public string CiId(int node) => _ids.IdOf(node);

    /// <summary>The ULID value of the node's id without making its string; false when the id is not a canonical ULID.</summary>
    public bool TryGetUlid(int node, out UInt128 ulid) => _ids.TryUlidOf(node, out ulid);

    /// <summary>The node's facts as of commit <paramref name="seq"/>, or null when it did not exist yet.</summary>
    /// <remarks>The current state lives packed in flat arrays (a new object per call); older ones in a chain.</remarks>
    public NodeState? StateAt(int node, int seq)
    {
        var spin = default(SpinWait);
        while (true)
        {
            var facts = Volatile.Read(ref _facts);
            if (2 * node >= facts.Length) return null;
            var first = Volatile.Read(ref facts[2 * node]);
            if (first == PackedFacts.Busy)
            {
                spin.SpinOnce(); // a writer is between two stores
                continue;
            }

            var info = Volatile.Read(ref facts[(2 * node) + 1]);
            var older = _history[node];
            if (Volatile.Read(ref facts[2 * node]) != first) continue;
            if (first == PackedFacts.Overflow || (first != 0 && PackedFacts.Since(first) > seq)) return Walk(older, seq);
            return first == 0 ? null : PackedFacts.Unpack(first, info);
        }
    }

    /// <summary>
    /// The node's current class index from the flat arrays without making a state object, or -1 when only
    /// <see cref="StateAt"/> can answer (no such node, a write in flight, or a state kept as an object).
    /// </summary>
    public int CurrentClassIndex(int node)
    {
        var facts = FactsArray;
        if ((uint)(2 * node) >= (uint)facts.Length) return -1;
        return TryCurrentInfo(facts, node, int.MaxValue, out var info) ? PackedFacts.ClassIndex(info) : -1;
    }

    /// <summary>The packed current facts (see <see cref="PackedFacts"/>); read once per pass.</summary>
    internal long[] FactsArray => Volatile.Read(ref _facts);

    /// <summary>
    /// Class, environment and criticality of the node as of <paramref name="seq"/> from the flat arrays, without
    /// touching the state object; false when only the <see cref="StateAt"/> chain can answer (older commit, or a write in flight).
    /// </summary>
    internal static bool TryCurrentInfo(long[] facts, int node, int seq, out long info)
    {
        var first = Volatile.Read(ref facts[2 * node]);
        info = Volatile.Read(ref facts[(2 * node) + 1]);
        return PackedFacts.IsState(first) && PackedFacts.Since(first) <= seq && Volatile.Read(ref facts[2 * node]) == first;
    }

    /// <summary>True when the node existed and was not retired at commit <paramref name="seq"/>.</summary>
    public bool IsLiveAt(int node, int seq) => StateAt(node, seq) is { IsRetired: false };

    /// <summary>Edge numbers of relationships that start at <paramref name="node"/> (any time; filter with <see cref="IsAlive"/>).</summary>
    public ReadOnlySpan<int> OutEdges(int node) => Volatile.Read(ref _adjacency).Out.Edges(node);

    /// <summary>Edge numbers of relationships that end at <paramref name="node"/>.</summary>
    public ReadOnlySpan<int> InEdges(int node) => Volatile.Read(ref _adjacency).In.Edges(node);

    public int Source(int edge) => Volatile.Read(ref _adjacency).Source(edge);

    public int Target(int edge) => Volatile.Read(ref _adjacency).Target(edge);

    public int TypeIndex(int edge) => Volatile.Read(ref _adjacency).Type(edge);

    /// <summary>The store's key of the relationship behind the edge.</summary>
    public long Key(int edge) => _key[edge];

    public int ValidFrom(int edge) => _validFrom[edge];

    public int ValidTo(int edge) => Volatile.Read(ref _validTo[edge]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAlive(int edge, int seq) => _validFrom[edge] <= seq && seq < Volatile.Read(ref _validTo[edge]);

    /// <summary>Dense index of an environment name (0 = none), for compact filters.</summary>
    public int EnvironmentIndex(string? environment)
    {
        if (string.IsNullOrEmpty(environment)) return 0;
        lock (_writer) return _environments.TryGetValue(environment, out var i) ? i : -1;
    }

    /// <summary>Raw views for traversal loops that must not pay a call per edge. Read-only by contract.</summary>
    /// <remarks>Edges numbered at or above <see cref="EdgeArrays.Count"/> were added later: skip them.</remarks>
    public EdgeArrays Arrays
    {
        get
        {
            var count = EdgeCount; // count before arrays: growth swaps arrays first, a bulk load publishes its adjacency first
            return ArraysOf(count, Volatile.Read(ref _adjacency));
        }
    }

    /// <summary>The edge arrays up to <paramref name="count"/>, with ends and types read through <paramref name="adjacency"/> (read after the count).</summary>
    private EdgeArrays ArraysOf(int count, Adjacency adjacency) =>
        new(count, new EdgeEnds(adjacency, sources: true), new EdgeEnds(adjacency, sources: false), new EdgeTypes(adjacency), _validFrom, _validTo);

    private static NodeState? Walk(NodeState? chain, int seq)
    {
        for (var s = chain; s is not null; s = s.Previous)
        {
            if (s.SinceSeq <= seq) return s;
        }

        return null;
    }

    /// <summary>
    /// Everything a traversal reads, in a safe order: call after the traversal's commit was read, so nothing it
    /// captures can miss a change at or before that commit.
    /// </summary>
    internal TopologyView View()
    {
        var count = EdgeCount;
        var adjacency = Volatile.Read(ref _adjacency);
        var edges = ArraysOf(count, adjacency);
        var nodes = NodeCount; // after the adjacency: every node its rows name is below this
        return new TopologyView(edges, adjacency, nodes, Volatile.Read(ref _facts));
    }
}

/// <summary>
/// The edges of a <see cref="GraphIndex"/> at one moment; index with edge numbers below <see cref="Count"/>. Ends and
/// types are read through the compact rows (an extra load per read, no per-edge arrays); a loop over one node's rows
/// reads them cheaper from the rows themselves.
/// </summary>
public readonly record struct EdgeArrays(int Count, EdgeEnds Source, EdgeEnds Target, EdgeTypes Type, int[] ValidFrom, int[] ValidTo);
