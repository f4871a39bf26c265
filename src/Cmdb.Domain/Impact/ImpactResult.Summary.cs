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
        var byEnvironment = new Dictionary<int, int>();
        var byCriticality = new Dictionary<int, int>();
        Span<int> smallEnvironments = stackalloc int[SmallCounts];
        Span<int> smallCriticalities = stackalloc int[SmallCounts];
        var states = new int[4];
        var services = new List<ImpactedService>();
        var total = 0;
        var facts = graph.FactsArray;
        for (var slot = 0; slot < _reached.Count; slot++) // every output below is sorted, so reach order will do: no sort needed
        {
            int classIndex, environment, criticality;
            var node = _reached.Node(slot);
            if (GraphIndex.TryCurrentInfo(facts, node, Seq, out var info))
            {
                (classIndex, environment, criticality) = (PackedFacts.ClassIndex(info), PackedFacts.EnvironmentIndex(info), PackedFacts.Criticality(info));
            }
            else
            {
                var state = _reached.Facts(slot);
                (classIndex, environment, criticality) = (state.ClassIndex, state.EnvironmentIndex, state.Criticality);
            }

            if (_environments is not null && !(environment < _environments.Length && _environments[environment])) continue;
            total++;
            var impact = _reached.State(slot);
            states[(int)impact]++;
            byClass[classIndex]++;
            Count(smallEnvironments, byEnvironment, environment);
            Count(smallCriticalities, byCriticality, criticality);
            if (service >= 0 && model.IsA(classIndex, service))
            {
                services.Add(new ImpactedService(
                    graph.CiId(node), model.Classes[classIndex].Name, CriticalityOrNull(criticality), impact, _reached.Depth(slot)));
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
        var environments = byEnvironment.Select(p => new EnvironmentCount(graph.EnvironmentName(p.Key), p.Value))
            .OrderByDescending(e => e.Count).ThenBy(e => e.Environment, StringComparer.Ordinal).ToArray();
        var criticalities = byCriticality.Select(p => new CriticalityCount(CriticalityOrNull(p.Key), p.Value))
            .OrderBy(c => c.Criticality ?? int.MaxValue).ToArray();
        services.Sort((a, b) => a.State != b.State ? b.State.CompareTo(a.State)
            : Tier(a) != Tier(b) ? Tier(a).CompareTo(Tier(b))
            : string.CompareOrdinal(a.CiId, b.CiId));
        return new ImpactSummary(
            total, states[(int)ImpactState.Down], states[(int)ImpactState.Degraded], states[(int)ImpactState.AtRisk],
            classes, environments, criticalities, services);
    }

    /// <summary>Environment and criticality indexes below this are counted in an array: a dictionary per CI costs more than the walk.</summary>
    private const int SmallCounts = 64;

    private static void Count(Span<int> small, Dictionary<int, int> large, int key)
    {
        if ((uint)key < SmallCounts) small[key]++;
        else large[key] = large.GetValueOrDefault(key) + 1;
    }

    // Tier 1 is the most critical; CIs without a tier come last.
    private static int Tier(ImpactedService s) => s.Criticality ?? int.MaxValue;

    private static int? CriticalityOrNull(int criticality) => criticality == 0 ? null : criticality;
}
