using System.Text.Json;
using Cmdb.Domain.Changes;
using Cmdb.Domain.Events;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.GraphQL.Types.Changes;

public sealed partial class ChangeOperations
{
    /// <summary>
    /// The live business services: any of them may be reached, and each may carry its own maintenance window. An estate
    /// has few of them compared with CIs, so reading them all is cheaper than assessing twice.
    /// </summary>
    private static List<string> BusinessServices(GraphIndex graph)
    {
        var seq = graph.Commits.Latest;
        if (!graph.Model.TryGetClass(WellKnown.Classes.BusinessService, out var service)) return [];
        var found = new List<string>();
        for (var n = 0; n < graph.NodeCount; n++)
        {
            if (graph.StateAt(n, seq) is { IsRetired: false } s && graph.Model.IsA(s.ClassIndex, service.Index)) found.Add(graph.CiId(n));
        }

        return found;
    }

    /// <summary>
    /// Incidents and firing events on the targets and everything they reach on today's topology (a superset of what the
    /// assessor reaches unless the change's edits add dependencies; the assessor keeps only what it reaches).
    /// </summary>
    private async Task<(IReadOnlyList<Incident> Incidents, IReadOnlyList<MonitoringEvent> Firing)> TroubleAsync(
        GraphIndex graph, ChangeSpec spec, CancellationToken cancellationToken)
    {
        if (_incidents is null && _events is null) return ([], []);
        var impact = _analyzer.Impact(graph, [.. spec.TargetCiIds], new ImpactScope { AsOfSeq = graph.Commits.Latest });
        var reached = impact.Items(0, impact.TotalCount).Select(i => i.CiId).Union(spec.TargetCiIds, StringComparer.Ordinal).ToList();
        IReadOnlyList<Incident> incidents = _incidents is null ? []
            : [.. (await _incidents.GetForCisAsync(reached, cancellationToken)).Values.SelectMany(v => v).DistinctBy(i => i.Id)];
        IReadOnlyList<MonitoringEvent> firing = _events is null ? []
            : [.. (await _events.GetForCisAsync(reached, null, null, firingOnly: true, cancellationToken)).Values.SelectMany(v => v).DistinctBy(e => e.Id)];
        return (incidents, firing);
    }

    /// <summary>The maintenance-window attribute of the CIs that have one (a string; other JSON kinds are kept as text).</summary>
    private Dictionary<string, string> MaintenanceWindows(IEnumerable<ConfigurationItem> cis)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ci in cis)
        {
            if (ci.Attributes[_options.MaintenanceWindowAttribute] is not { } value) continue;
            found[ci.Id] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        return found;
    }
}
