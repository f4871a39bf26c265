using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <summary>
/// Walks a node's relationships in one direction that are of a followed type and alive at the commit, from its
/// overlay row or its compact row, yielding the edge, the node at the other end and the type.
/// </summary>
internal ref struct IncidentCursor
{
    private readonly int[]? _row;
    private readonly AdjacencyRows _rows;
    private readonly EdgeArrays _edges;
    private readonly EdgeEnds _otherEnd;
    private readonly bool[] _follow;
    private readonly bool _fast;
    private readonly int _seq;
    private readonly int _end;
    private int _i;

    public IncidentCursor(in TopologyView view, bool outgoing, bool[] follow, int node, int seq)
    {
        var own = outgoing ? view.OutOwn : view.InOwn;
        _rows = outgoing ? view.Adjacency.Out : view.Adjacency.In;
        _edges = view.Edges;
        _otherEnd = outgoing ? view.Edges.Target : view.Edges.Source;
        _follow = follow;
        _seq = seq;
        _fast = seq >= view.Adjacency.StableFrom;
        _row = node < own.Length ? Volatile.Read(ref own[node]) : null;
        if (_row is not null)
        {
            _i = 0;
            _end = Volatile.Read(ref _row[0]);
        }
        else if (node < _rows.CsrNodes)
        {
            _i = _rows.Start[node] - 1;
            _end = _rows.Start[node + 1];
        }
        else
        {
            _i = -1;
            _end = 0;
        }
    }

    public int Edge { get; private set; }

    public int Other { get; private set; }

    public int Type { get; private set; }

    public bool MoveNext()
    {
        if (_row is not null)
        {
            while (++_i <= _end)
            {
                var e = _row[_i];
                if (e >= _edges.Count || !_follow[_edges.Type[e]] || !ImpactEngine.Alive(_edges, e, _seq)) continue;
                Edge = e;
                Other = _otherEnd[e];
                Type = _edges.Type[e];
                return true;
            }

            return false;
        }

        while (++_i < _end)
        {
            var p = _rows.Packed[_i];
            var type = AdjacencyRows.Type(p);
            if (!_follow[type]) continue;
            var e = _rows.Edge[_i];
            if (!(_fast && AdjacencyRows.IsStable(p)) && !(e < _edges.Count && ImpactEngine.Alive(_edges, e, _seq))) continue;
            Edge = e;
            Other = AdjacencyRows.Neighbour(p);
            Type = type;
            return true;
        }

        return false;
    }
}
