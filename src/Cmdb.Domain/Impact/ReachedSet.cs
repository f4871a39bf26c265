using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <summary>
/// The compact outcome of one traversal, copied out of the scratch: per reached CI its node, distance, the edge that
/// explains it and (for impact) its state. Everything readable from it — order, paths — is built only when asked.
/// </summary>
internal sealed class ReachedSet
{
    /// <summary>Depths stay far below this (at most one per node), so the state fits above them in the same int.</summary>
    private const int StateShift = 29;
    private const int DepthMask = (1 << StateShift) - 1;

    private readonly int[] _node;
    private readonly int[] _depthState;
    private readonly int[] _pred;
    private readonly long[]? _info;
    private readonly PropagationRows? _propagation;
    private Dictionary<int, int>? _slotByNode;

    /// <remarks>
    /// Three ints per slot: a 250k-CI closure copies 3 MB into fresh memory, and its page faults cost as much as
    /// settling does. <c>keepInfo</c> keeps the walk's packed facts (when it has them) for environment filtering; the
    /// summary is counted from the scratch before (<see cref="ImpactCounts"/>), so without a filter nothing reads them.
    /// </remarks>
    public ReachedSet(GraphIndex graph, int seq, TraversalScratch s, int starts, bool keepInfo = false)
    {
        Graph = graph;
        Seq = seq;
        Starts = starts;
        var count = s.Count;
        _node = s.Node.AsSpan(0, count).ToArray();
        _pred = s.Pred.AsSpan(0, count).ToArray();
        _depthState = GC.AllocateUninitializedArray<int>(count);
        var (depth, state, depthState) = (s.Depth, s.State, _depthState);
        for (var i = 0; i < depthState.Length; i++) depthState[i] = depth[i] | ((int)state[i] << StateShift);
        if (s.Propagation is not null)
        {
            _propagation = s.Propagation; // predecessors are propagation entries
            if (keepInfo) _info = s.Info.AsSpan(0, count).ToArray();
        }
    }

    public GraphIndex Graph { get; }

    public int Seq { get; }

    /// <summary>Slots below this are the starting CIs.</summary>
    public int Starts { get; }

    public int Count => _node.Length;

    public int Node(int slot) => _node[slot];

    public int Depth(int slot) => _depthState[slot] & DepthMask;

    public ImpactState State(int slot) => (ImpactState)(_depthState[slot] >>> StateShift);

    public bool Visible(int slot, bool[]? environments) =>
        environments is null || Passes(environments, EnvironmentOf(slot));

    public NodeState Facts(int slot) => Graph.StateAt(_node[slot], Seq)!;

    /// <summary>The slot's packed class, environment and criticality when the traversal kept them (see <see cref="PackedFacts"/>).</summary>
    public bool TryInfo(int slot, out long info)
    {
        info = _info is null ? ImpactEngine.NoInfo : _info[slot];
        return info != ImpactEngine.NoInfo;
    }

    private int EnvironmentOf(int slot) => TryInfo(slot, out var info) ? PackedFacts.EnvironmentIndex(info) : Facts(slot).EnvironmentIndex;

    public int SlotOf(int node)
    {
        var map = _slotByNode;
        if (map is null)
        {
            map = new Dictionary<int, int>(_node.Length);
            for (var i = 0; i < _node.Length; i++) map[_node[i]] = i;
            _slotByNode = map;
        }

        return map.TryGetValue(node, out var slot) ? slot : -1;
    }

    /// <summary>Slots whose environment passes the filter (null: all), ordered by depth, then worst state first, then node.</summary>
    public int[] Ordered(bool[]? environments, bool withStarts = true)
    {
        var slots = new List<int>(_node.Length);
        for (var i = withStarts ? 0 : Starts; i < _node.Length; i++)
        {
            if (environments is null || Passes(environments, EnvironmentOf(i))) slots.Add(i);
        }

        var keys = new long[slots.Count];
        var order = slots.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            var slot = order[i];
            keys[i] = ((long)Depth(slot) << 34) | ((long)(3 - (int)State(slot)) << 32) | (uint)_node[slot];
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The edges that carried the trouble (or the walk) from a start to the slot's CI, in walking order.</summary>
    public IReadOnlyList<PathStep> PathTo(int slot)
    {
        var steps = new List<PathStep>();
        var graph = Graph;
        for (var guard = 0; slot >= Starts && guard < _node.Length; guard++)
        {
            // The step needs both ends anyway: read each once (a source read searches the row starts).
            var e = _propagation is null ? _pred[slot] : _propagation.EdgeOf(_pred[slot]);
            var to = _node[slot];
            int source = graph.Source(e), target = graph.Target(e);
            var from = source == to ? target : source;
            steps.Add(Step(graph, e, from, to, source, target));
            slot = SlotOf(from);
            if (slot < 0) break;
        }

        steps.Reverse();
        return steps;
    }

    internal static PathStep Step(GraphIndex graph, int edge, int from, int to) =>
        Step(graph, edge, from, to, graph.Source(edge), graph.Target(edge));

    private static PathStep Step(GraphIndex graph, int edge, int from, int to, int source, int target)
    {
        var type = graph.Model.RelationshipTypes[graph.TypeIndex(edge)].Name;
        return new PathStep(graph.CiId(from), graph.CiId(to), type, graph.CiId(source), graph.CiId(target), graph.Key(edge));
    }

    private static bool Passes(bool[] environments, int index) => index < environments.Length && environments[index];
}
