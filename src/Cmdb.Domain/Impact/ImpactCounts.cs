using System.Runtime.CompilerServices;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Impact;

/// <summary>
/// The exact totals of one impact (by state, class, environment and criticality) and its business services (not yet
/// ordered). After a walk over the propagation rows they are counted from the scratch right after settling, while the
/// slots are still in cache, so the result need not keep every slot's facts; otherwise on first use, from the result. <see cref="ImpactResult.Summary"/> turns them into names and sorted lists on first read.
/// </summary>
internal sealed class ImpactCounts
{
    /// <summary>Environment and criticality indexes below this are counted in an array: a dictionary per CI costs more than the walk.</summary>
    private const int SmallCounts = 16;

    private static readonly ConditionalWeakTable<ModelCatalog, bool[]> ServiceClasses = [];

    private Dictionary<int, int>? _largeEnvironments;
    private Dictionary<int, int>? _largeCriticalities;

    private readonly bool[] _isService;

    private ImpactCounts(ModelCatalog model)
    {
        ByClass = new int[model.Classes.Count];
        _isService = ServiceClasses.GetValue(model, ServiceClassesOf);
    }

    public int Total { get; private set; }

    /// <summary>Counts by <see cref="ImpactState"/> value.</summary>
    public int[] ByState { get; } = new int[4];

    public int[] ByClass { get; }

    public int[] SmallEnvironments { get; } = new int[SmallCounts];

    public int[] SmallCriticalities { get; } = new int[SmallCounts];

    public Dictionary<int, int>? LargeEnvironments => _largeEnvironments;

    public Dictionary<int, int>? LargeCriticalities => _largeCriticalities;

    public List<ImpactedServiceList.Entry> Services { get; } = [];

    /// <summary>
    /// Counts a walk over the propagation rows from the scratch (its packed facts per slot, read in slot order), for the
    /// slots whose environment passes <paramref name="environments"/> (null: all).
    /// </summary>
    public static ImpactCounts FromWalk(GraphIndex graph, int seq, TraversalScratch s, bool[]? environments)
    {
        var counts = new ImpactCounts(graph.Model);
        var (nodes, states, depths, infos) = (s.Node, s.State, s.Depth, s.Info);
        for (var slot = 0; slot < s.Count; slot++) counts.Add(graph, seq, nodes[slot], infos[slot], states[slot], depths[slot], environments);
        return counts;
    }

    /// <summary>The same counts from a result (after a walk over the general rows: the facts are read now, by node).</summary>
    public static ImpactCounts FromSet(ReachedSet reached, bool[]? environments)
    {
        var graph = reached.Graph;
        var counts = new ImpactCounts(graph.Model);
        for (var slot = 0; slot < reached.Count; slot++)
        {
            counts.Add(graph, reached.Seq, reached.Node(slot), ImpactEngine.NoInfo, reached.State(slot), reached.Depth(slot), environments);
        }

        return counts;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(GraphIndex graph, int seq, int node, long info, ImpactState state, int depth, bool[]? environments)
    {
        if (info == ImpactEngine.NoInfo && !GraphIndex.TryCurrentInfo(graph.FactsArray, node, seq, out info))
        {
            var facts = graph.StateAt(node, seq)!;
            Add(node, facts.ClassIndex, facts.EnvironmentIndex, facts.Criticality, state, depth, environments);
            return;
        }

        Add(node, PackedFacts.ClassIndex(info), PackedFacts.EnvironmentIndex(info), PackedFacts.Criticality(info), state, depth, environments);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int node, int classIndex, int environment, int criticality, ImpactState state, int depth, bool[]? environments)
    {
        if (environments is not null && !((uint)environment < (uint)environments.Length && environments[environment])) return;
        Total++;
        ByState[(int)state]++;
        ByClass[classIndex]++;
        if ((uint)environment < SmallCounts) SmallEnvironments[environment]++;
        else CountLarge(ref _largeEnvironments, environment);
        if ((uint)criticality < SmallCounts) SmallCriticalities[criticality]++;
        else CountLarge(ref _largeCriticalities, criticality);
        if (_isService[classIndex]) Services.Add(new ImpactedServiceList.Entry(node, classIndex, criticality, state, depth));
    }

    private static void CountLarge(ref Dictionary<int, int>? large, int key)
    {
        large ??= [];
        large[key] = large.GetValueOrDefault(key) + 1;
    }

    /// <summary>Per class: is it a business service (or a subclass of one)?</summary>
    private static bool[] ServiceClassesOf(ModelCatalog model)
    {
        var service = model.TryGetClass(WellKnown.Classes.BusinessService, out var bs) ? bs.Index : -1;
        var isService = new bool[model.Classes.Count];
        for (var c = 0; c < isService.Length; c++) isService[c] = service >= 0 && model.IsA(c, service);
        return isService;
    }
}
