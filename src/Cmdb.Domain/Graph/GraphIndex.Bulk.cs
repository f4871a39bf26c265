namespace Cmdb.Domain.Graph;

public sealed partial class GraphIndex
{
    /// <summary>
    /// Loads many relationships whose intervals are already known (store start-up) in one step: the edges are
    /// appended in the order given and the adjacency is rebuilt once as compressed sparse rows, with no overlay rows
    /// and no per-edge row growth. Equivalent to calling <see cref="LoadEdge"/> for each entry and then
    /// <see cref="Compact"/>.
    /// </summary>
    /// <param name="edges">Parallel arrays; entries 0..Count-1 are used. <c>ValidTo</c> is <see cref="int.MaxValue"/> for a relationship that is still open.</param>
    /// <remarks>
    /// When the index holds no edge yet and the arrays are of one length, the index adopts the interval arrays instead
    /// of copying them, and reads ends and types from the batch only to build the rows (the caller must not touch the
    /// batch afterwards), so start-up allocates each edge array once and keeps no per-edge end array. The whole batch is
    /// checked before anything changes: an entry naming an unknown node, or an interval ending before it starts,
    /// leaves the index as it was.
    /// </remarks>
    public void LoadEdges(EdgeBatch edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        lock (_writer)
        {
            Validate(edges, _nodeCount);
            if (edges.Count == 0) return;
            var first = _edgeCount;
            var current = _adjacency;
            var adopt = first == 0 && edges.HasOneLength;
            if (adopt) AdoptIntervals(edges);
            else AppendIntervals(edges, current);

            // Ends and types go to the current adjacency's tail (the batch's arrays are taken as they are) before the
            // count is published, so every edge below the count has answerable ends; the rows built from them replace
            // that tail, and the batch's end arrays are not kept.
            var tail = current.Tail;
            if (adopt) tail.Adopt(edges.Source, edges.Target, edges.Type);
            Volatile.Write(ref _edgeCount, first + edges.Count);
            var built = Adjacency.Build(current, _nodeCount, _edgeCount, tail.SourceArray, tail.TargetArray, tail.TypeArray, _validFrom, _validTo, Model.RelationshipTypes.Count);
            if (built is not null)
            {
                Volatile.Write(ref _adjacency, built);
                CompactionCount++;
                return;
            }

            for (var e = first; e < _edgeCount; e++) // too many nodes or types to pack: the overlay serves every row, as edge by edge
            {
                current.Out.Append(current.Source(e), e, NodeCapacity);
                current.In.Append(current.Target(e), e, NodeCapacity);
            }
        }
    }

    private static void Validate(EdgeBatch edges, int nodeCount)
    {
        for (var e = 0; e < edges.Count; e++)
        {
            if ((uint)edges.Source[e] >= (uint)nodeCount || (uint)edges.Target[e] >= (uint)nodeCount)
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge {edges.Key(e)} names node {edges.Source[e]} or {edges.Target[e]}; the index holds {nodeCount} nodes.");
            if (edges.ValidTo[e] < edges.ValidFrom[e])
                throw new ArgumentOutOfRangeException(nameof(edges), $"Edge {edges.Key(e)} ends at commit {edges.ValidTo[e]}, before it starts at {edges.ValidFrom[e]}.");
        }
    }

    /// <summary>Takes the batch's interval arrays as the edge arrays (the count that makes them visible follows).</summary>
    private void AdoptIntervals(EdgeBatch edges)
    {
        _validFrom = edges.ValidFrom;
        _validTo = edges.ValidTo;
        _key.EnsureCapacity(_validFrom.Length);
        for (var e = 0; e < edges.Count; e++) _key.Append(e, edges.Key(e), _validFrom.Length);
    }

    /// <summary>Copies intervals and keys after the current edges and the ends and types into the current tail (count not published).</summary>
    private void AppendIntervals(EdgeBatch edges, Adjacency current)
    {
        var at = _edgeCount;
        while (at + edges.Count > _validFrom.Length) GrowEdges();
        Array.Copy(edges.ValidFrom, 0, _validFrom, at, edges.Count);
        Array.Copy(edges.ValidTo, 0, _validTo, at, edges.Count);
        for (var e = 0; e < edges.Count; e++)
        {
            _key.Append(at + e, edges.Key(e), _validFrom.Length);
            current.Tail.Set(at + e - current.EdgeCount, edges.Source[e], edges.Target[e], edges.Type[e]);
        }
    }
}
