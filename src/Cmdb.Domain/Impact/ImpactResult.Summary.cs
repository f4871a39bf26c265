namespace Cmdb.Domain.Impact;

public sealed partial class ImpactResult
{
    /// <summary>Names and orders the totals counted right after settling (<see cref="ImpactCounts"/>): no pass over the slots.</summary>
    private ImpactSummary Summarise()
    {
        var graph = _reached.Graph;
        var model = graph.Model;
        var counts = Counts;
        var classes = new List<ClassCount>();
        for (var c = 0; c < counts.ByClass.Length; c++)
        {
            if (counts.ByClass[c] > 0) classes.Add(new ClassCount(model.Classes[c].Name, counts.ByClass[c]));
        }

        classes.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.ClassName, b.ClassName));
        var environments = new List<EnvironmentCount>();
        for (var e = 0; e < counts.SmallEnvironments.Length; e++)
        {
            if (counts.SmallEnvironments[e] > 0) environments.Add(new EnvironmentCount(graph.EnvironmentName(e), counts.SmallEnvironments[e]));
        }

        foreach (var (key, count) in counts.LargeEnvironments ?? []) environments.Add(new EnvironmentCount(graph.EnvironmentName(key), count));
        environments.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Environment, b.Environment));
        var criticalities = new List<CriticalityCount>();
        for (var c = 0; c < counts.SmallCriticalities.Length; c++)
        {
            if (counts.SmallCriticalities[c] > 0) criticalities.Add(new CriticalityCount(CriticalityOrNull(c), counts.SmallCriticalities[c]));
        }

        foreach (var (key, count) in counts.LargeCriticalities ?? []) criticalities.Add(new CriticalityCount(CriticalityOrNull(key), count));
        criticalities.Sort((a, b) => (a.Criticality ?? int.MaxValue).CompareTo(b.Criticality ?? int.MaxValue));
        var states = counts.ByState;
        return new ImpactSummary(
            counts.Total, states[(int)ImpactState.Down], states[(int)ImpactState.Degraded], states[(int)ImpactState.AtRisk],
            classes, environments, criticalities, Services(counts));
    }

    /// <summary>The services the counts listed, or (after a walk over the propagation rows) a list made from the result on first read.</summary>
    private ImpactedServiceList Services(ImpactCounts counts)
    {
        if (counts.Services is { } entries) return ImpactedServiceList.Create(_reached.Graph, entries);
        var (reached, isService, environments) = (_reached, counts.IsService, _environments);
        return ImpactedServiceList.Create(_reached.Graph, counts.ServiceCount, () => reached.Services(isService, environments, counts.ServiceCount));
    }

    private static int? CriticalityOrNull(int criticality) => criticality == 0 ? null : criticality;
}
