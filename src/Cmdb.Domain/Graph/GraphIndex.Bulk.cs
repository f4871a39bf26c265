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
    /// When the index holds no edge yet and the arrays are of one length, the index adopts them instead of copying
    /// (the caller must not touch them afterwards), so start-up allocates each edge array once. The whole batch is
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
            if (first == 0 && edges.HasOneLength) Adopt(edges);
            else Append(edges);

            var built = Adjacency.Build(_nodeCount, _edgeCount, _source, _target, _type, _validFrom, _validTo, Model.RelationshipTypes.Count);
            if (built is not null)
            {
                Volatile.Write(ref _adjacency, built);
                CompactionCount++;
                return;
            }

            var adjacency = _adjacency; // too many nodes or types to pack: the overlay serves every row, as edge by edge
            for (var e = first; e < _edgeCount; e++)
            {
                adjacency.Out.Append(_source[e], e, NodeCapacity);
                adjacency.In.Append(_target[e], e, NodeCapacity);
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

    /// <summary>Takes the batch's arrays as the edge arrays: filled first, then the count that makes them visible.</summary>
    private void Adopt(EdgeBatch edges)
    {
        _source = edges.Source;
        _target = edges.Target;
        _type = edges.Type;
        _validFrom = edges.ValidFrom;
        _validTo = edges.ValidTo;
        _key.EnsureCapacity(_source.Length);
        for (var e = 0; e < edges.Count; e++) _key.Append(e, edges.Key(e), _source.Length);
        Volatile.Write(ref _edgeCount, edges.Count);
    }

    private void Append(EdgeBatch edges)
    {
        var at = _edgeCount;
        while (at + edges.Count > _source.Length) GrowEdges();
        Array.Copy(edges.Source, 0, _source, at, edges.Count);
        Array.Copy(edges.Target, 0, _target, at, edges.Count);
        Array.Copy(edges.Type, 0, _type, at, edges.Count);
        Array.Copy(edges.ValidFrom, 0, _validFrom, at, edges.Count);
        Array.Copy(edges.ValidTo, 0, _validTo, at, edges.Count);
        for (var e = 0; e < edges.Count; e++) _key.Append(at + e, edges.Key(e), _source.Length);
        Volatile.Write(ref _edgeCount, at + edges.Count);
    }
}
