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
        var states = new int[4];
        var services = new List<ImpactedService>();
        foreach (var slot in Order)
        {
            var facts = _reached.Facts(slot);
            var state = _reached.State(slot);
            states[(int)state]++;
            byClass[facts.ClassIndex]++;
            byEnvironment[facts.EnvironmentIndex] = byEnvironment.GetValueOrDefault(facts.EnvironmentIndex) + 1;
            byCriticality[facts.Criticality] = byCriticality.GetValueOrDefault(facts.Criticality) + 1;
            if (service >= 0 && model.IsA(facts.ClassIndex, service))
            {
                services.Add(new ImpactedService(
                    graph.CiId(_reached.Node(slot)), model.Classes[facts.ClassIndex].Name, CriticalityOrNull(facts.Criticality), state, _reached.Depth(slot)));
            }
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
            Order.Length, states[(int)ImpactState.Down], states[(int)ImpactState.Degraded], states[(int)ImpactState.AtRisk],
            classes, environments, criticalities, services);
    }

    // Tier 1 is the most critical; CIs without a tier come last.
    private static int Tier(ImpactedService s) => s.Criticality ?? int.MaxValue;

    private static int? CriticalityOrNull(int criticality) => criticality == 0 ? null : criticality;
}
