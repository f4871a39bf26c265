using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <summary>
/// The compact outcome of one traversal, copied out of the scratch: per reached CI its node, distance, the edge that
/// explains it and (for impact) its state. Everything readable from it — order, paths — is built only when asked.
/// </summary>
internal sealed partial class ReachedSet
{
    /// <summary>
    /// Per slot the node, or after a walk over the propagation rows its local number (see <see cref="Node"/>). This and
    /// the other per-slot arrays may be longer than <see cref="Count"/> (pooled ones: see <see cref="Pooled"/>).
    /// </summary>
    private int[] _node;
    private ImpactState[] _state;

    /// <summary>Per slot its distance (general walk), or null when <see cref="_levels"/> gives it.</summary>
    private int[]? _depth;

    /// <summary>After a walk over the propagation rows: the slots of depth d are [_levels[d], _levels[d + 1]).</summary>
    private readonly int[]? _levels;
    private int[] _pred;
    private readonly int _count;
    private readonly PropagationRows? _propagation;
    private Dictionary<int, int>? _slotByNode;

    /// <remarks>
    /// Two ints and a byte per slot: a 250k-CI closure copies 2.3 MB into fresh memory, and its page faults cost as much
    /// as settling does. After a walk over the propagation rows the slots keep their local numbers (the walk wrote no
    /// public ones) and their depths are the walk's levels (a handful of ints); class, environment and criticality are
    /// read back from the rows' compact facts when asked (see <see cref="FactsOf"/>): the summary's counts were taken
    /// from the scratch.
    /// </remarks>
    public ReachedSet(GraphIndex graph, int seq, TraversalScratch s, int starts)
    {
        Graph = graph;
        Seq = seq;
        Starts = starts;
        var count = _count = s.Count;
        _pred = Copy(s.Pred, count);
        _state = GC.AllocateUninitializedArray<ImpactState>(count);
        s.State.AsSpan(0, count).CopyTo(_state);
        if (s.HasLevels)
        {
            _propagation = s.Propagation; // predecessors are propagation entries
            _node = Copy(s.Local, count);
            _levels = s.Levels.AsSpan(0, s.LevelCount + 1).ToArray();
        }
        else
        {
            _node = Copy(s.Node, count);
            _depth = Copy(s.Depth, count);
        }
    }

    public GraphIndex Graph { get; }

    /// <summary>The first <paramref name="count"/> ints of a scratch array in fresh memory that is not zeroed first.</summary>
    private static int[] Copy(int[] from, int count)
    {
        var copy = GC.AllocateUninitializedArray<int>(count);
        from.AsSpan(0, count).CopyTo(copy);
        return copy;
    }

    public int Seq { get; }

    /// <summary>Slots below this are the starting CIs.</summary>
    public int Starts { get; }

    public int Count => _count;

    public int Node(int slot) => _propagation is null ? _node[slot] : _propagation.ToPublic[_node[slot]];

    public int Depth(int slot) => _depth is { } depth ? depth[slot] : LevelOf(_levels!, slot);

    public ImpactState State(int slot) => _state[slot];

    /// <summary>The depth whose run of slots holds <paramref name="slot"/>: the last d with levels[d] at or below it.</summary>
    private static int LevelOf(int[] levels, int slot)
    {
        int lo = 0, hi = levels.Length - 2; // levels[^1] is the slot count
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (levels[mid] <= slot) lo = mid;
            else hi = mid - 1;
        }

        return lo;
    }

    public bool Visible(int slot, bool[]? environments) =>
        environments is null || Passes(environments, FactsOf(slot).Environment);

    public NodeState Facts(int slot) => Graph.StateAt(Node(slot), Seq)!;

    public int SlotOf(int node)
    {
        var map = _slotByNode;
        if (map is null)
        {
            map = new Dictionary<int, int>(_count);
            for (var i = 0; i < _count; i++) map[Node(i)] = i;
            _slotByNode = map;
        }

        return map.TryGetValue(node, out var slot) ? slot : -1;
    }

    /// <summary>Slots whose environment passes the filter (null: all), ordered by depth, then worst state first, then node.</summary>
    public int[] Ordered(bool[]? environments, bool withStarts = true)
    {
        var slots = new List<int>(_count);
        for (var i = withStarts ? 0 : Starts; i < _count; i++)
        {
            if (environments is null || Passes(environments, FactsOf(i).Environment)) slots.Add(i);
        }

        var keys = new long[slots.Count];
        var order = slots.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            var slot = order[i];
            keys[i] = ((long)Depth(slot) << 34) | ((long)(3 - (int)State(slot)) << 32) | (uint)Node(slot);
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The edges that carried the trouble (or the walk) from a start to the slot's CI, in walking order.</summary>
    public IReadOnlyList<PathStep> PathTo(int slot)
    {
        var steps = new List<PathStep>();
        var graph = Graph;
        for (var guard = 0; slot >= Starts && guard < _count; guard++)
        {
            // The step needs both ends anyway: read each once (a source read searches the row starts).
            var e = _propagation is null ? _pred[slot] : _propagation.EdgeOf(_pred[slot]);
            var to = Node(slot);
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
