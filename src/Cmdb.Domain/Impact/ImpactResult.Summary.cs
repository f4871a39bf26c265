using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Impact;

public sealed partial class ImpactResult
{
    private ImpactSummary Summarise()
    {
        var graph = _reached.Graph;
        var model = graph.Model;
        var service = model.TryGetClass(WellKnown.Classes.BusinessService, out var bs) ? bs.Index : -1;
        var byClass = new int[model.Classes.Count];
        var isService = new bool[model.Classes.Count];
        for (var c = 0; c < isService.Length; c++) isService[c] = service >= 0 && model.IsA(c, service);
        var byEnvironment = new Dictionary<int, int>();
        var byCriticality = new Dictionary<int, int>();
        Span<int> smallEnvironments = stackalloc int[SmallCounts];
        Span<int> smallCriticalities = stackalloc int[SmallCounts];
        Span<int> states = stackalloc int[4];
        var services = new List<ImpactedServiceList.Entry>();
        var total = 0;
        var facts = graph.FactsArray;
        var (nodes, impacts, depths, infos) = _reached.Slots;
        var environmentFilter = _environments;
        for (var slot = 0; slot < nodes.Length; slot++) // every output below is sorted, so reach order will do: no sort needed
        {
            int classIndex, environment, criticality;
            var info = infos is null ? ImpactEngine.NoInfo : infos[slot];
            if (info != ImpactEngine.NoInfo || GraphIndex.TryCurrentInfo(facts, nodes[slot], Seq, out info))
            {
                (classIndex, environment, criticality) = (PackedFacts.ClassIndex(info), PackedFacts.EnvironmentIndex(info), PackedFacts.Criticality(info));
            }
            else
            {
                var state = _reached.Facts(slot);
                (classIndex, environment, criticality) = (state.ClassIndex, state.EnvironmentIndex, state.Criticality);
            }

            if (environmentFilter is not null && !(environment < environmentFilter.Length && environmentFilter[environment])) continue;
            total++;
            var impact = impacts[slot];
            states[(int)impact]++;
            byClass[classIndex]++;
            Count(smallEnvironments, byEnvironment, environment);
            Count(smallCriticalities, byCriticality, criticality);
            if (isService[classIndex])
            {
                services.Add(new ImpactedServiceList.Entry(nodes[slot], classIndex, criticality, impact, depths[slot]));
            }
        }

        for (var i = 0; i < SmallCounts; i++)
        {
            if (smallEnvironments[i] > 0) byEnvironment[i] = smallEnvironments[i];
            if (smallCriticalities[i] > 0) byCriticality[i] = smallCriticalities[i];
        }

        var classes = new List<ClassCount>();
        for (var c = 0; c < byClass.Length; c++)
        {
            if (byClass[c] > 0) classes.Add(new ClassCount(model.Classes[c].Name, byClass[c]));
        }

        classes.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.ClassName, b.ClassName));
        var environments = new List<EnvironmentCount>(byEnvironment.Count);
        foreach (var (key, count) in byEnvironment) environments.Add(new EnvironmentCount(graph.EnvironmentName(key), count));
        environments.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Environment, b.Environment));
        var criticalities = new List<CriticalityCount>(byCriticality.Count);
        foreach (var (key, count) in byCriticality) criticalities.Add(new CriticalityCount(CriticalityOrNull(key), count));
        criticalities.Sort((a, b) => (a.Criticality ?? int.MaxValue).CompareTo(b.Criticality ?? int.MaxValue));
        return new ImpactSummary(
            total, states[(int)ImpactState.Down], states[(int)ImpactState.Degraded], states[(int)ImpactState.AtRisk],
            classes, environments, criticalities, ImpactedServiceList.Sorted(graph, services));
    }

    /// <summary>Environment and criticality indexes below this are counted in an array: a dictionary per CI costs more than the walk.</summary>
    private const int SmallCounts = 64;

    private static void Count(Span<int> small, Dictionary<int, int> large, int key)
    {
        if ((uint)key < SmallCounts) small[key]++;
        else large[key] = large.GetValueOrDefault(key) + 1;
    }

    private static int? CriticalityOrNull(int criticality) => criticality == 0 ? null : criticality;
}
