namespace Cmdb.Domain.Graph;

/// <summary>
/// The adjacency of one direction: compressed sparse rows built at the last compaction (per entry the edge number and
/// one packed int holding the node at the other end, the type and a "stable" flag, so a traversal reads one row
/// sequentially instead of chasing edge arrays), plus copy-on-write overlay rows for nodes written to since.
/// </summary>
/// <remarks>
/// The CSR arrays never change once built. An overlay row is <c>[count, edge, edge, …]</c>: the writer fills a slot
/// before publishing the count (or a grown copy), so a lock-free reader sees a consistent prefix. A node whose
/// relationships change gets its CSR row copied to an overlay row first, so an untouched CSR row still describes the
/// node exactly as compaction saw it, and a "stable" entry there (open at compaction) stays alive for every commit at
/// or after <see cref="Adjacency.StableFrom"/>.
/// </remarks>
internal sealed class AdjacencyRows
{
    /// <summary>Compact rows pack the other end in 24 bits: larger indexes keep every row in the overlay.</summary>
    public const int MaxNodes = 1 << 24;
    public const int MaxTypes = 128;
    private const int NeighbourMask = MaxNodes - 1;

    private int[]?[] _own = [];

    private readonly int[] _dirty;

    public AdjacencyRows(int[] start, int[] packed, int[] edge, int[] dirty)
    {
        Start = start;
        Packed = packed;
        Edge = edge;
        _dirty = dirty;
    }

    /// <summary>Row starts: the CSR row of node n is [Start[n], Start[n + 1]).</summary>
    public int[] Start { get; }

    /// <summary>Per entry: the other end (bits 0-23), the type index (bits 24-30), and the sign bit when the edge was open at compaction.</summary>
    public int[] Packed { get; }

    public int[] Edge { get; }

    public static int Pack(int neighbour, int type, bool stable) => neighbour | (type << 24) | (stable ? int.MinValue : 0);

    public static int Neighbour(int packed) => packed & NeighbourMask;

    public static int Type(int packed) => (packed >> 24) & (MaxTypes - 1);

    public static bool IsStable(int packed) => packed < 0;

    /// <summary>Nodes that have a CSR row.</summary>
    public int CsrNodes => Start.Length - 1;

    /// <summary>Overlay rows by node (null: the CSR row applies). Read once per traversal.</summary>
    public int[]?[] Own => Volatile.Read(ref _own);

    /// <summary>Entries the overlay holds (copied rows included): the compaction trigger.</summary>
    public int OverlayEntries { get; private set; }

    /// <summary>The node's edge numbers, oldest first.</summary>
    public ReadOnlySpan<int> Edges(int node)
    {
        var own = Own;
        if (node < own.Length && Volatile.Read(ref own[node]) is { } row) return new ReadOnlySpan<int>(row, 1, Volatile.Read(ref row[0]));
        var start = Start;
        return node < start.Length - 1 ? new ReadOnlySpan<int>(Edge, start[node], start[node + 1] - start[node]) : default;
    }

    /// <summary>Writer only: appends <paramref name="edge"/> to the node's overlay row (copying its CSR row first).</summary>
    public void Append(int node, int edge, int nodeCapacity)
    {
        var own = EnsureOwnArray(node, nodeCapacity);
        var row = own[node] ?? CopyCsrRow(own, node, 1);
        var count = row[0];
        if (count + 1 == row.Length)
        {
            var grown = new int[row.Length * 2];
            Array.Copy(row, grown, row.Length);
            grown[count + 1] = edge;
            grown[0] = count + 1;
            Volatile.Write(ref own[node], grown);
        }
        else
        {
            row[count + 1] = edge;
            Volatile.Write(ref row[0], count + 1);
        }

        OverlayEntries++;
    }

    /// <summary>Writer only: moves the node's CSR row to the overlay, so its entries are no longer trusted as stable.</summary>
    public void Detach(int node, int nodeCapacity)
    {
        var own = EnsureOwnArray(node, nodeCapacity);
        if (own[node] is null) CopyCsrRow(own, node, 0);
    }

    private int[] CopyCsrRow(int[]?[] own, int node, int room)
    {
        if (node < CsrNodes) Interlocked.Or(ref _dirty[node >> 5], 1 << (node & 31)); // before the row changes: see Adjacency.IsDirty
        var from = node < CsrNodes ? Start[node] : 0;
        var length = node < CsrNodes ? Start[node + 1] - from : 0;
        var row = new int[Math.Max(4, (length + room) * 2) + 1];
        Array.Copy(Edge, from, row, 1, length);
        row[0] = length;
        OverlayEntries += length;
        Volatile.Write(ref own[node], row);
        return row;
    }

    private int[]?[] EnsureOwnArray(int node, int nodeCapacity)
    {
        var own = _own;
        if (node < own.Length) return own;
        var grown = new int[]?[Math.Max(node + 1, nodeCapacity)];
        Array.Copy(own, grown, own.Length);
        Volatile.Write(ref _own, grown);
        return grown;
    }
}
