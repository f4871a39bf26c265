using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;

namespace Cmdb.Domain.Changes;

/// <summary>
/// Compares what a change declared with what the graph recorded during its window. Pure: reads the MVCC index at the
/// commits in force when the window opened and when it closed (or now, if it is still open).
/// </summary>
public sealed partial class ChangeVerifier(ImpactAnalyzer analyzer)
{
    /// <param name="change">The change to verify.</param>
    /// <param name="graph">The MVCC index.</param>
    /// <param name="now">The time; before the window closes the answer is provisional.</param>
    /// <param name="observed">
    /// The CIs named by field edits as they were when the window closed (or now): where attributes the graph does not
    /// hold (such as version) are read. Field edits on graph fields (status, minHealthy, …) are read from the graph.
    /// </param>
    public ChangeVerification Verify(
        ChangeRecord change, GraphIndex graph, DateTimeOffset now, IReadOnlyDictionary<string, ConfigurationItem>? observed = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(graph);
        var spec = change.Spec;
        var closed = now >= spec.PlannedEnd;
        var from = graph.Commits.SeqAt(spec.PlannedStart);
        var to = closed ? graph.Commits.SeqAt(spec.PlannedEnd) : graph.Commits.Latest;
        var edits = spec.TopologyEdits.Select(e => e.Kind == TopologyEditKind.SetField ? CheckField(graph, e, to, observed) : new EditCheck(e, Happened(graph, e, to))).ToList();

        var targets = spec.TargetCiIds.Where(id => graph.TryGetNode(id, out var n) && graph.StateAt(n, from) is not null).ToList();
        var reached = new HashSet<int>();
        if (targets.Count > 0)
        {
            var impact = analyzer.Impact(graph, targets, new ImpactScope { AsOfSeq = from, IncludeRetired = true });
            foreach (var item in impact.Items(0, impact.TotalCount))
            {
                if (graph.TryGetNode(item.CiId, out var n)) reached.Add(n);
            }
        }

        var declaredCis = spec.TargetCiIds.Concat(spec.TopologyEdits.Select(e => e.CiId).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        var undeclared = new List<UndeclaredChange>();
        foreach (var node in reached.Order())
        {
            var id = graph.CiId(node);
            var state = graph.StateAt(node, to);
            if (state is not null && state.SinceSeq > from && !declaredCis.Contains(id))
                undeclared.Add(new UndeclaredChange(UndeclaredChangeKind.CiChanged, id, null, null, graph.Commits.TimeOf(state.SinceSeq)));
            foreach (var e in graph.OutEdges(node)) Edge(graph, spec, e, from, to, undeclared);
            foreach (var e in graph.InEdges(node))
            {
                if (!reached.Contains(graph.Source(e))) Edge(graph, spec, e, from, to, undeclared); // in-reach sources were seen as out-edges
            }
        }

        return new ChangeVerification(change.Id, closed, edits, undeclared) { BlastRadiusCiIds = [.. reached.Order().Select(graph.CiId)] };
    }

    private static void Edge(GraphIndex graph, ChangeSpec spec, int e, int from, int to, List<UndeclaredChange> found)
    {
        var type = graph.Model.RelationshipTypes[graph.TypeIndex(e)].Name;
        var (source, target) = (graph.CiId(graph.Source(e)), graph.CiId(graph.Target(e)));
        var added = graph.ValidFrom(e) > from && graph.ValidFrom(e) <= to;
        var removed = graph.ValidTo(e) > from && graph.ValidTo(e) <= to;
        if (added && !Declared(spec, TopologyEditKind.AddRelationship, type, source, target))
            found.Add(new UndeclaredChange(UndeclaredChangeKind.RelationshipAdded, source, type, target, graph.Commits.TimeOf(graph.ValidFrom(e))));
        if (removed && !Declared(spec, TopologyEditKind.RemoveRelationship, type, source, target))
            found.Add(new UndeclaredChange(UndeclaredChangeKind.RelationshipRemoved, source, type, target, graph.Commits.TimeOf(graph.ValidTo(e))));
    }

    private static EditCheck CheckField(GraphIndex graph, TopologyEdit edit, int seq, IReadOnlyDictionary<string, ConfigurationItem>? observed)
    {
        if (!graph.TryGetNode(edit.CiId!, out var node)) return new EditCheck(edit, false);
        var ci = observed is not null && observed.TryGetValue(edit.CiId!, out var found) ? found : null;
        var value = FieldEdits.Observed(graph, node, seq, edit, ci);
        return new EditCheck(edit, FieldEdits.Same(edit, value), value);
    }

    private static bool Declared(ChangeSpec spec, TopologyEditKind kind, string type, string source, string target) =>
        spec.TopologyEdits.Any(d => d.Kind == kind && d.RelationshipType == type && d.SourceId == source && d.TargetId == target);

    private static bool Happened(GraphIndex graph, TopologyEdit edit, int seq)
    {
        switch (edit.Kind)
        {
            case TopologyEditKind.AddCi:
                return graph.TryGetNode(edit.CiId!, out var added) && graph.IsLiveAt(added, seq);
            case TopologyEditKind.RetireCi:
                return graph.TryGetNode(edit.CiId!, out var retired) && graph.StateAt(retired, seq) is { Status: CiStatus.Retired };
        }

        if (!graph.TryGetNode(edit.SourceId!, out var s) || !graph.TryGetNode(edit.TargetId!, out var t)) return edit.Kind == TopologyEditKind.RemoveRelationship;
        var alive = false;
        foreach (var e in graph.OutEdges(s))
        {
            if (graph.Target(e) == t && graph.Model.RelationshipTypes[graph.TypeIndex(e)].Name == edit.RelationshipType && graph.IsAlive(e, seq)) alive = true;
        }

        return edit.Kind == TopologyEditKind.AddRelationship ? alive : !alive;
    }
}
