using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;

namespace Cmdb.Domain.Changes;

public sealed partial class ChangeRiskAssessor
{
    private const int MaxSharedNamed = 20;

    /// <summary>
    /// Targets that are single points of failure of a reached business service (on the topology after the edits),
    /// plus — when the change edits the topology — CIs that become single points of failure only because of the edits
    /// (<paramref name="created"/>): "removing the second replica" makes the primary one.
    /// </summary>
    private List<string> SinglePoints(
        ChangeSpec spec, GraphIndex graph, int seq, GraphIndex after, int afterSeq, ImpactResult impact, out IReadOnlyList<string> created)
    {
        var services = impact.BusinessServices.Select(s => (s.CiId, s.Criticality)).ToList();
        if (spec.TopologyEdits.Count > 0)
        {
            // A retired target reaches nothing after the change, so also ask which services it reaches today.
            var before = _analyzer.Impact(graph, spec.TargetCiIds.ToList(), new ImpactScope { AsOfSeq = seq });
            services.AddRange(before.BusinessServices.Select(s => (s.CiId, s.Criticality)));
        }

        var examined = services.DistinctBy(s => s.CiId)
            .OrderBy(s => s.Criticality ?? int.MaxValue).ThenBy(s => s.CiId, StringComparer.Ordinal)
            .Take(_options.MaxServicesExamined)
            .Select(s => s.CiId);
        var targets = spec.TargetCiIds.ToHashSet(StringComparer.Ordinal);
        var hit = new SortedSet<string>(StringComparer.Ordinal);
        var made = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in examined)
        {
            if (!after.TryGetNode(service, out var node) || !after.IsLiveAt(node, afterSeq)) continue;
            var now = _analyzer.SinglePointsOfFailure(after, service, new ImpactScope { AsOfSeq = afterSeq }).Items.Select(i => i.CiId).ToList();
            hit.UnionWith(now.Where(targets.Contains));
            if (spec.TopologyEdits.Count == 0 || !graph.TryGetNode(service, out var old) || !graph.IsLiveAt(old, seq)) continue;
            var was = _analyzer.SinglePointsOfFailure(graph, service, new ImpactScope { AsOfSeq = seq }).Items.Select(i => i.CiId).ToHashSet(StringComparer.Ordinal);
            made.UnionWith(now.Where(id => !was.Contains(id)));
        }

        created = [.. made];
        return [.. hit];
    }

    /// <summary>
    /// Other live changes (assessed to implementing) whose windows overlap and whose blast radii share CIs with this
    /// one's — the same CI, or a CI both reach through shared dependencies (a service both changes put at risk).
    /// </summary>
    private List<ChangeCollision> Collide(ChangeSpec spec, List<ChangeRecord> others, GraphIndex graph, int seq, HashSet<string> reached)
    {
        var found = new List<ChangeCollision>();
        foreach (var other in others.OrderBy(c => c.Spec.PlannedStart).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            if (other.State is ChangeState.Draft || ChangeStateMachine.IsFinal(other.State)) continue;
            if (!spec.Overlaps(other.Spec.PlannedStart, other.Spec.PlannedEnd)) continue;
            var targets = other.Spec.TargetCiIds.Where(id => graph.TryGetNode(id, out var n) && graph.StateAt(n, seq) is not null).ToList();
            if (targets.Count == 0) continue;
            var theirs = _analyzer.Impact(graph, targets, new ImpactScope { AsOfSeq = seq });
            var shared = theirs.Items(0, theirs.TotalCount).Select(i => i.CiId).Where(reached.Contains)
                .Order(StringComparer.Ordinal).Take(MaxSharedNamed).ToList();
            if (shared.Count > 0) found.Add(new ChangeCollision(other.Id, other.Spec.Title, other.Spec.PlannedStart, other.Spec.PlannedEnd, shared));
        }

        return found;
    }
}
