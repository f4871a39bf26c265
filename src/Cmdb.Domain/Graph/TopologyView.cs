namespace Cmdb.Domain.Graph;

/// <summary>
/// What one traversal reads, captured once after its commit was chosen: the edge arrays, the adjacency and its
/// overlay rows, the node count and the packed node facts. Everything a later commit changes is either beyond these
/// counts or written to arrays this view does not hold, and never concerns a commit the reader can see.
/// </summary>
internal readonly struct TopologyView
{
    public TopologyView(EdgeArrays edges, Adjacency adjacency, int nodeCount, long[] facts)
    {
        Edges = edges;
        Adjacency = adjacency;
        OutOwn = adjacency.Out.Own;
        InOwn = adjacency.In.Own;
        NodeCount = nodeCount;
        Facts = facts;
    }

    public EdgeArrays Edges { get; }

    public Adjacency Adjacency { get; }

    public int[]?[] OutOwn { get; }

    public int[]?[] InOwn { get; }

    public int NodeCount { get; }

    /// <summary>Two longs per node: see <see cref="PackedFacts"/>.</summary>
    public long[] Facts { get; }
}
