using System.Runtime.CompilerServices;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Impact;

/// <summary>
/// The exact totals of one impact (by state, class, environment and criticality) and its business services (not yet
/// ordered). After a walk over the propagation rows they are counted from the scratch right after settling, while the
/// slots are still in cache, so the result need not keep every slot's facts; otherwise on first use, from the result. <see cref="ImpactResult.Summary"/> turns them into names and sorted lists on first read.
/// </summary>
internal sealed partial class ImpactCounts
{
    /// <summary>Environment and criticality indexes below this are counted in an array: a dictionary per CI costs more than the walk.</summary>
    private const int SmallCounts = 16;

    private static readonly ConditionalWeakTable<ModelCatalog, int[]> ServiceClasses = [];

    private Dictionary<int, int>? _largeEnvironments;
    private Dictionary<int, int>? _largeCriticalities;

    /// <summary>Per class: 1 for a business service (or a subclass of one), else 0 (added, not branched on).</summary>
    private readonly int[] _isService;

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

    /// <summary>The reached business services, unordered; null when they are listed from the result on first read (<see cref="ServiceCount"/> is exact).</summary>
    public List<ImpactedServiceList.Entry>? Services { get; private set; } = [];

    public int ServiceCount { get; private set; }

    /// <summary>Per class: 1 for a business service (or a subclass of one), else 0.</summary>
    public int[] IsService => _isService;

    /// <summary>Class, environment and criticality from a slot's packed facts, or from the node's state when they were not packed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int ClassIndex, int Environment, int Criticality) FactsOf(GraphIndex graph, int seq, int node, long info)
    {
        if (info == ImpactEngine.NoInfo && !GraphIndex.TryCurrentInfo(graph.FactsArray, node, seq, out info))
        {
            var facts = graph.StateAt(node, seq)!;
            return (facts.ClassIndex, facts.EnvironmentIndex, facts.Criticality);
        }

        return (PackedFacts.ClassIndex(info), PackedFacts.EnvironmentIndex(info), PackedFacts.Criticality(info));
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
        var (classIndex, environment, criticality) = FactsOf(graph, seq, node, info);
        Add(node, classIndex, environment, criticality, state, depth, environments);
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
        if (_isService[classIndex] == 0) return;
        Services!.Add(new ImpactedServiceList.Entry(node, classIndex, criticality, state, depth));
        ServiceCount++;
    }

    private static void CountLarge(ref Dictionary<int, int>? large, int key, int n = 1)
    {
        large ??= [];
        large[key] = large.GetValueOrDefault(key) + n;
    }

    /// <summary>Per class: is it a business service (or a subclass of one)?</summary>
    private static int[] ServiceClassesOf(ModelCatalog model)
    {
        var service = model.TryGetClass(WellKnown.Classes.BusinessService, out var bs) ? bs.Index : -1;
        var isService = new int[model.Classes.Count];
        for (var c = 0; c < isService.Length; c++) isService[c] = service >= 0 && model.IsA(c, service) ? 1 : 0;
        return isService;
    }
}
