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

    public List<ImpactedServiceList.Entry> Services { get; private set; } = [];

    /// <summary>
    /// Counts a walk over the propagation rows from the scratch (its packed facts per slot, read in slot order), for the
    /// slots whose environment passes <paramref name="environments"/> (null: all).
    /// </summary>
    /// <remarks>
    /// The hot counts are kept in locals, and the service slots are noted without a branch (a slot number is always
    /// written, the count moves only for a service): services are a quarter of some closures, in no pattern, so a
    /// branch on them mispredicts. The entries are then made once, in a list of the exact size, instead of growing one.
    /// </remarks>
    public static ImpactCounts FromWalk(GraphIndex graph, int seq, TraversalScratch s, bool[]? environments)
    {
        var counts = new ImpactCounts(graph.Model);
        var count = s.Count;
        if (s.ServiceSlots.Length < count) s.ServiceSlots = new int[Math.Max(count, 2 * s.ServiceSlots.Length)];
        var (nodes, states, infos, found) = (s.Node, s.State, s.Info, s.ServiceSlots);
        var (byState, byClass, smallEnvironments, smallCriticalities, isService) =
            (counts.ByState, counts.ByClass, counts.SmallEnvironments, counts.SmallCriticalities, counts._isService);
        var (total, services) = (0, 0);
        for (var slot = 0; slot < count; slot++)
        {
            var (classIndex, environment, criticality) = FactsOf(graph, seq, nodes[slot], infos[slot]);
            if (environments is not null && !((uint)environment < (uint)environments.Length && environments[environment])) continue;
            total++;
            byState[(int)states[slot]]++;
            byClass[classIndex]++;
            if ((uint)environment < SmallCounts) smallEnvironments[environment]++;
            else CountLarge(ref counts._largeEnvironments, environment);
            if ((uint)criticality < SmallCounts) smallCriticalities[criticality]++;
            else CountLarge(ref counts._largeCriticalities, criticality);
            found[services] = slot;
            services += isService[classIndex];
        }

        counts.Total = total;
        var list = new List<ImpactedServiceList.Entry>(services);
        for (var i = 0; i < services; i++)
        {
            var slot = found[i];
            var (classIndex, _, criticality) = FactsOf(graph, seq, nodes[slot], infos[slot]);
            list.Add(new ImpactedServiceList.Entry(nodes[slot], classIndex, criticality, states[slot], s.Depth[slot]));
        }

        counts.Services = list;
        return counts;
    }

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
        if (_isService[classIndex] != 0) Services.Add(new ImpactedServiceList.Entry(node, classIndex, criticality, state, depth));
    }

    private static void CountLarge(ref Dictionary<int, int>? large, int key)
    {
        large ??= [];
        large[key] = large.GetValueOrDefault(key) + 1;
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
