using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;

namespace Cmdb.Domain.Changes;

/// <summary>
/// Builds the topology a change will meet: a private copy of the graph as of one commit (commit 1 of the copy),
/// with declared edits applied as commit 2. The live index is never touched. The copy costs O(nodes + edges),
/// which is acceptable for an on-demand what-if; assessments without edits skip it and read the live index.
/// </summary>
public static class WhatIfGraph
{
    /// <summary>
    /// Copies <paramref name="graph"/> at <paramref name="seq"/>, applies <paramref name="background"/> edits (other
    /// approved changes; edits that no longer apply are skipped) and then <paramref name="own"/> edits (refused with a
    /// clear error when they do not apply).
    /// </summary>
    public static GraphIndex Apply(GraphIndex graph, int seq, IEnumerable<TopologyEdit> background, IReadOnlyList<TopologyEdit> own)
    {
        var copy = new GraphIndex(graph.Model);
        var count = graph.NodeCount;
        var map = new int[count];
        for (var n = 0; n < count; n++)
        {
            map[n] = -1;
            var s = graph.StateAt(n, seq);
            if (s is null) continue;
            map[n] = copy.UpsertNode(graph.CiId(n), s.ClassIndex, s.Status, graph.EnvironmentName(s.EnvironmentIndex),
                s.Criticality == 0 ? null : s.Criticality, s.MinHealthy == 0 ? null : s.MinHealthy, 1);
        }

        // Edge-number order, so the copy numbers its edges in the same relative order (paths break ties by edge number).
        var view = graph.View();
        var edges = view.Edges;
        var sources = CompactedSources(view.Adjacency);
        for (var e = 0; e < edges.Count; e++)
        {
            if (!graph.IsAlive(e, seq)) continue;
            var source = map[e < sources.Length ? sources[e] : edges.Source[e]];
            var target = map[edges.Target[e]];
            if (source >= 0 && target >= 0) copy.AddEdge(graph.Key(e), source, target, edges.Type[e], 1);
        }

        copy.Commits.Append(1, graph.Commits.TimeOf(seq));
        long nextKey = -1;
        foreach (var edit in background)
        {
            try
            {
                ApplyOne(copy, edit, ref nextKey, -1);
            }
            catch (CmdbException)
            {
                // Another change's edit may be stale (its CI already retired, its edge already gone): it then changes nothing.
            }
        }

        for (var i = 0; i < own.Count; i++) ApplyOne(copy, own[i], ref nextKey, i);
        copy.Commits.Append(2, graph.Commits.TimeOf(seq).AddMilliseconds(1));
        return copy;
    }

    /// <summary>
    /// The source of every compacted edge, from one sequential pass over the outgoing compact rows: reading it per edge
    /// would search the row starts each time. Later edges read their ends from the tail.
    /// </summary>
    private static int[] CompactedSources(Adjacency adjacency)
    {
        var rows = adjacency.Out;
        var sources = new int[adjacency.EdgeCount];
        for (var n = 0; n < rows.CsrNodes; n++)
        {
            for (int i = rows.Start[n], end = rows.Start[n + 1]; i < end; i++) sources[rows.Edge[i]] = n;
        }

        return sources;
    }

    private static void ApplyOne(GraphIndex g, TopologyEdit edit, ref long nextKey, int i)
    {
        var path = i < 0 ? "edits" : $"edits[{i}]";
        switch (edit.Kind)
        {
            case TopologyEditKind.AddCi:
                var ciClass = g.Model.GetClass(edit.ClassName!, path);
                if (g.TryGetNode(edit.CiId!, out _)) throw CmdbException.Invalid($"Edit {i + 1} adds CI '{edit.CiId}', which already exists.", path);
                g.UpsertNode(edit.CiId!, ciClass.Index, CiStatus.Active, edit.Environment, edit.Criticality, null, 2);
                break;
            case TopologyEditKind.RetireCi:
                var node = Node(g, edit.CiId!, i, path);
                var s = g.StateAt(node, 2)!;
                g.UpsertNode(edit.CiId!, s.ClassIndex, CiStatus.Retired, g.EnvironmentName(s.EnvironmentIndex),
                    s.Criticality == 0 ? null : s.Criticality, s.MinHealthy == 0 ? null : s.MinHealthy, 2);
                break;
            case TopologyEditKind.AddRelationship:
                var type = g.Model.GetRelationshipType(edit.RelationshipType!, path);
                var source = Node(g, edit.SourceId!, i, path);
                var target = Node(g, edit.TargetId!, i, path);
                g.Model.EnsureAllowed(type, g.Model.Classes[g.StateAt(source, 2)!.ClassIndex], g.Model.Classes[g.StateAt(target, 2)!.ClassIndex],
                    source == target, path);
                g.AddEdge(nextKey--, source, target, type.Index, 2);
                break;
            case TopologyEditKind.SetField:
                FieldEdits.Apply(g, Node(g, edit.CiId!, i, path), edit, 2);
                break;
            default:
                Remove(g, edit, i, path);
                break;
        }
    }

    private static void Remove(GraphIndex g, TopologyEdit edit, int i, string path)
    {
        var type = g.Model.GetRelationshipType(edit.RelationshipType!, path);
        var source = Node(g, edit.SourceId!, i, path);
        var target = Node(g, edit.TargetId!, i, path);
        foreach (var e in g.OutEdges(source))
        {
            if (g.Target(e) != target || g.TypeIndex(e) != type.Index || !g.IsAlive(e, 1)) continue;
            g.RemoveEdge(g.Key(e), source, 2);
            return;
        }

        throw CmdbException.Invalid(
            $"Edit {i + 1} removes {edit.SourceId} -{edit.RelationshipType}-> {edit.TargetId}, but no such relationship exists.", path);
    }

    private static int Node(GraphIndex g, string ciId, int i, string path) =>
        g.TryGetNode(ciId, out var node) ? node : throw CmdbException.NotFound($"Edit {i + 1} names CI '{ciId}', which does not exist ({path}).");
}
