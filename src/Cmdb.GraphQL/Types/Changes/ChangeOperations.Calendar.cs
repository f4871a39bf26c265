using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Model;

namespace Cmdb.GraphQL.Types.Changes;

public sealed partial class ChangeOperations
{
    private const int MaxSharedNamed = 20;

    /// <summary>Changes whose windows overlap the period, each with the other listed changes overlapping it.</summary>
    public async Task<IReadOnlyList<ChangeCalendarEntry>> CalendarAsync(
        DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<ChangeState>? states, CancellationToken cancellationToken)
    {
        var listed = await _changes.ListAsync(from, to, states, cancellationToken);
        return [.. listed.Select(c => new ChangeCalendarEntry(c,
            [.. listed.Where(o => o.Id != c.Id && c.Spec.Overlaps(o.Spec.PlannedStart, o.Spec.PlannedEnd))]))];
    }

    /// <summary>
    /// Pairs of live changes (assessed to implementing) in the period whose windows overlap and whose blast radii, on
    /// today's topology, share CIs.
    /// </summary>
    public async Task<IReadOnlyList<ChangeCollisionNode>> CollisionsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var live = (await _changes.ListAsync(from, to, null, cancellationToken))
            .Where(c => c.State is not ChangeState.Draft && !ChangeStateMachine.IsFinal(c.State)).ToList();
        var graph = await _store.GetGraphAsync([], cancellationToken);
        var seq = graph.Commits.Latest;
        var radii = live.Select(c =>
        {
            var targets = c.Spec.TargetCiIds.Where(id => graph.TryGetNode(id, out var n) && graph.StateAt(n, seq) is not null).ToList();
            if (targets.Count == 0) return new HashSet<string>(StringComparer.Ordinal);
            var impact = _analyzer.Impact(graph, targets, new ImpactScope { AsOfSeq = seq });
            return impact.Items(0, impact.TotalCount).Select(i => i.CiId).ToHashSet(StringComparer.Ordinal);
        }).ToList();

        var found = new List<ChangeCollisionNode>();
        for (var i = 0; i < live.Count; i++)
        {
            for (var j = i + 1; j < live.Count; j++)
            {
                if (!live[i].Spec.Overlaps(live[j].Spec.PlannedStart, live[j].Spec.PlannedEnd)) continue;
                var shared = radii[i].Where(radii[j].Contains).Order(StringComparer.Ordinal).Take(MaxSharedNamed).ToList();
                if (shared.Count > 0) found.Add(new ChangeCollisionNode(live[i], live[j], shared));
            }
        }

        return found;
    }

    /// <summary>Outcomes on a CI; for a business service, on it and every CI it depends on.</summary>
    public async Task<ChangeSuccessRate> SuccessRateAsync(string ciId, CancellationToken cancellationToken)
    {
        var graph = await _store.GetGraphAsync([ciId], cancellationToken);
        var seq = graph.Commits.Latest;
        if (!graph.TryGetNode(ciId, out var node) || graph.StateAt(node, seq) is not { } state)
            throw CmdbException.NotFound($"No CI with id '{ciId}'.");
        var ids = new List<string> { ciId };
        if (graph.Model.IsA(graph.Model.Classes[state.ClassIndex].Name, WellKnown.Classes.BusinessService))
        {
            var deps = _analyzer.Dependencies(graph, ciId);
            ids.AddRange(deps.Items(0, deps.TotalCount).Select(d => d.CiId));
        }

        // One change touching several of these CIs counts once.
        var outcomes = (await _changes.GetOutcomesAsync(ids, [], DateTimeOffset.MinValue, cancellationToken)).DistinctBy(o => o.ChangeId).ToList();
        return new ChangeSuccessRate(ciId, outcomes.Count, outcomes.Count(o => o.Outcome == ChangeOutcome.Completed),
            outcomes.Count(o => o.Outcome == ChangeOutcome.Failed), outcomes.Count(o => o.Outcome == ChangeOutcome.RolledBack));
    }
}
