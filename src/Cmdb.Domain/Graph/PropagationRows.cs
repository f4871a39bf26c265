namespace Cmdb.Domain.Graph;

/// <summary>
/// The way trouble travels, as of one compaction, for impact traversals of the current topology: per node the nodes
/// its trouble reaches directly, one int per entry (the local node in 24 bits, the type in 7, a redundant sign bit),
/// already oriented by each type's propagation direction, with types that never propagate and relationships closed
/// at compaction left out. Nodes are renumbered in a
/// breadth-first order from the nodes nothing propagates into, so a closure reads mostly contiguous memory;
/// <see cref="ToPublic"/> and <see cref="ToLocal"/> translate.
/// </summary>
/// <remarks>
/// Each row lists the entries in the order a traversal over the general rows would meet them (the node's outgoing
/// compact row, then its incoming one, each in edge-number order), so both walks give the same slots, distances and
/// explanations. A row only describes its node while the node has no overlay row (see <see cref="Adjacency.IsDirty"/>),
/// and only for commits at or after <see cref="ValidFrom"/>: callers fall back to the general rows otherwise.
/// </remarks>
internal sealed partial class PropagationRows
{
    /// <summary>Sign bit of an entry: the relationship's type is redundant (its members are alternatives).</summary>
    public const int RedundantBit = int.MinValue;

    private const int NeighbourMask = AdjacencyRows.MaxNodes - 1;

    private readonly bool[] _forward;

    /// <summary>A bit per local node: listed in <see cref="RedundantNodes"/>; with the count of listed nodes before each word.</summary>
    private readonly int[] _listed;
    private readonly int[] _listedBefore;

    /// <summary>A bit per local node: some redundant entry of another node's row points to it.</summary>
    private readonly int[] _redundantInto;
    private readonly bool[] _backward;

    /// <summary>A bit per row of <see cref="RedundantStart"/>: every alternative listed there took part when the rows were built.</summary>
    private readonly int[] _whole;

    private PropagationRows(Adjacency adjacency, bool[] forward, bool[] backward, int[] start, int[] entry, int[] toPublic, int[] toLocal, long[] facts)
    {
        (RedundantNodes, RedundantStart, RedundantFrom, _redundantInto) = Reverse(start, entry, toPublic, facts);
        (_listed, _listedBefore) = Ranks(RedundantNodes, start.Length - 1);
        Adjacency = adjacency;
        _forward = forward;
        _backward = backward;
        Entry = entry;
        ToPublic = toPublic;
        ToLocal = toLocal;
        var known = new int[toPublic.Length];
        var combos = new Dictionary<long, int>();
        for (var i = 0; i < toPublic.Length; i++) known[i] = LocalFacts.Of(facts, toPublic[i], adjacency.LastChange, combos);
        Combos = new long[combos.Count];
        foreach (var (info, combo) in combos) Combos[combo] = info;
        _whole = WholeRows(RedundantStart, RedundantFrom, known);
        for (var row = 0; row < RedundantNodes.Length; row++)
        {
            // A whole row's alternatives are its length (see CountAlternatives): kept in the node's facts, which the walk
            // has read already when it counts them, instead of the rank, bit and bounds reads.
            if (AllAlternativesTakePart(row)) known[RedundantNodes[row]] = LocalFacts.WithAlternatives(known[RedundantNodes[row]], RedundantStart[row + 1] - RedundantStart[row]);
        }

        Nodes = Interleave(start, known);
    }

    /// <summary>The compaction the rows were built from (its rows resolve an entry back to its edge).</summary>
    public Adjacency Adjacency { get; }

    /// <summary>
    /// Per local node n, the start of its row at <c>Nodes[2n]</c> and its facts (<see cref="LocalFacts"/>, as they were
    /// when the rows were built; valid for the node while <see cref="Adjacency.FactsChanged"/> has no bit for it) at
    /// <c>Nodes[2n + 1]</c>; <c>Nodes[2 * NodeCount]</c> is the entry count, so the row of n is
    /// [Nodes[2n], Nodes[2n + 2]). See <see cref="RowStart"/>, <see cref="FactsOf"/>.
    /// </summary>
    /// <remarks>
    /// Interleaved because a walk reads both for the same CIs: the facts when it meets a CI, the row start when the CI's
    /// row is read. Two arrays cost a scattered line each per reached CI; in one, the second read finds the line the
    /// first brought (same-process A/B against split copies: the hypervisor's Impact + Summary 26.5 → 24.1 µs; the
    /// large closures within ±4 %; see docs/benchmarks.md, "Impact engine: session 11").
    /// </remarks>
    public int[] Nodes { get; }

    /// <summary>Where local node <paramref name="local"/>'s row starts (and, at <see cref="NodeCount"/>, the entry count).</summary>
    public int RowStart(int local) => Nodes[2 * local];

    /// <summary>Local node <paramref name="local"/>'s <see cref="LocalFacts"/> as they were when the rows were built.</summary>
    public int FactsOf(int local) => Nodes[(2 * local) + 1];

    /// <summary>Per entry: the local node trouble moves to (see <see cref="Neighbour"/>), its type (<see cref="Type"/>) and <see cref="RedundantBit"/>.</summary>
    public int[] Entry { get; }

    public int[] ToPublic { get; }

    /// <summary>
    /// Redundant entries by the node they point to, for the nodes that had minHealthy when the rows were built (others
    /// count their alternatives from the general rows): the alternatives of local node RedundantNodes[k] (ascending)
    /// come from local nodes RedundantFrom[RedundantStart[k]..RedundantStart[k + 1]), one per relationship, self-loops left out.
    /// </summary>
    public int[] RedundantNodes { get; }

    public int[] RedundantStart { get; }

    public int[] RedundantFrom { get; }

    public int[] ToLocal { get; }

    /// <summary>
    /// The distinct (class, environment, criticality) of the nodes with known facts (<see cref="FactsOf"/>), laid out as
    /// <see cref="PackedFacts"/>' second long, by <see cref="LocalFacts.Combo"/> index.
    /// </summary>
    public long[] Combos { get; }

    /// <summary>
    /// False when no row of another node has a redundant entry into local node <paramref name="local"/>: whatever
    /// its minHealthy, trouble that reaches it along these rows is never absorbed by redundancy.
    /// </summary>
    public bool HasRedundantInto(int local) => (_redundantInto[local >> 5] & (1 << (local & 31))) != 0;

    public int NodeCount => ToPublic.Length;

    /// <summary>Row starts and facts in one array (see <see cref="Nodes"/>); <paramref name="start"/> has one more item than <paramref name="facts"/>.</summary>
    private static int[] Interleave(int[] start, int[] facts)
    {
        var nodes = new int[2 * start.Length];
        for (var n = 0; n < facts.Length; n++)
        {
            nodes[2 * n] = start[n];
            nodes[(2 * n) + 1] = facts[n];
        }

        nodes[2 * facts.Length] = start[facts.Length];
        return nodes;
    }

    /// <summary>
    /// True when every alternative in row <paramref name="row"/> of the reverse lists existed, was not retired and had
    /// known facts (<see cref="FactsOf"/>) when the rows were built: while no CI's facts changed since (no
    /// <see cref="Adjacency.FactsChanged"/>), each of them takes part at any commit the rows serve, so they all count.
    /// </summary>
    public bool AllAlternativesTakePart(int row) => (_whole[row >> 5] & (1 << (row & 31))) != 0;

    /// <summary>Usable for reads at commits from this one on: every compacted interval starts or ends at or before it.</summary>
    public int ValidFrom => Adjacency.LastChange;

    /// <summary>Bytes held by the arrays (array headers ignored).</summary>
    public long Bytes => 4L * (Nodes.Length + Entry.Length + ToPublic.Length + ToLocal.Length + RedundantNodes.Length + RedundantStart.Length + RedundantFrom.Length + _redundantInto.Length + _listed.Length + _listedBefore.Length + _whole.Length) + (8L * Combos.Length);

    public static int Neighbour(int entry) => entry & NeighbourMask;

    public static int Type(int entry) => (entry >> 24) & (AdjacencyRows.MaxTypes - 1);

    /// <summary>Where local node <paramref name="local"/>'s redundant alternatives are listed, or -1 when they are not.</summary>
    public int RedundantRow(int local)
    {
        var (word, bit) = (local >> 5, 1 << (local & 31));
        var bits = _listed[word];
        return (bits & bit) == 0 ? -1 : _listedBefore[word] + System.Numerics.BitOperations.PopCount((uint)(bits & (bit - 1)));
    }

    /// <summary>The edge behind an entry: the entry's position in its row among the propagating stable entries of the general rows.</summary>
    public int EdgeOf(int entry)
    {
        var local = LastRowAtOrBefore(entry);
        var node = ToPublic[local];
        var skip = entry - RowStart(local);
        var edge = Find(Adjacency.Out, node, _forward, ref skip);
        return edge >= 0 ? edge : Find(Adjacency.In, node, _backward, ref skip);
    }

    private static int Find(AdjacencyRows rows, int node, bool[] follow, ref int skip)
    {
        for (int i = rows.Start[node], end = rows.Start[node + 1]; i < end; i++)
        {
            var p = rows.Packed[i];
            if (!AdjacencyRows.IsStable(p) || !follow[AdjacencyRows.Type(p)]) continue;
            if (skip-- == 0) return rows.Edge[i];
        }

        return -1;
    }

    /// <summary>The local node whose row holds entry <paramref name="entry"/>: the last one starting at or before it (rows may be empty).</summary>
    private int LastRowAtOrBefore(int entry)
    {
        int lo = 0, hi = NodeCount + 1; // the first node whose row starts after the entry is in [lo, hi)
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (RowStart(mid) <= entry) lo = mid + 1;
            else hi = mid;
        }

        return lo - 1;
    }
}
