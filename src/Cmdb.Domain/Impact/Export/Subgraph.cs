using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact.Export;

/// <summary>A set of CIs and the relationships among them, ready to draw (see <see cref="GraphExport"/>).</summary>
public sealed record Subgraph(IReadOnlyList<SubgraphNode> Nodes, IReadOnlyList<SubgraphEdge> Edges)
{
    /// <summary>
    /// The neighbourhood made of <paramref name="ciIds"/>: those CIs and every relationship alive at <paramref name="seq"/>
    /// between two of them (of <paramref name="relationshipTypes"/> only, when given).
    /// </summary>
    public static Subgraph Of(GraphIndex graph, IEnumerable<string> ciIds, int seq, IReadOnlyCollection<string>? relationshipTypes = null)
    {
        var allowed = ImpactAnalyzer.ResolveTypes(graph.Model, relationshipTypes);
        var nodes = new List<int>();
        var missing = new List<string>();
        foreach (var id in ciIds)
        {
            if (graph.TryGetNode(id, out var n) && graph.StateAt(n, seq) is not null) nodes.Add(n);
            else missing.Add(id);
        }

        if (missing.Count > 0) throw CmdbException.NotFound($"No CI with id {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        return Build(graph, seq, nodes, allowed, static _ => (null, null));
    }

    /// <summary>The same subgraph with labels (e.g. CI names) looked up by CI id; null keeps the id.</summary>
    public Subgraph WithLabels(Func<string, string?> labelOf) =>
        this with { Nodes = Nodes.Select(n => n with { Label = labelOf(n.CiId) }).ToArray() };

    internal static Subgraph Build(
        GraphIndex graph, int seq, IReadOnlyList<int> nodes, bool[]? allowedTypes, Func<int, (ImpactState? State, int? Depth)> annotate)
    {
        var index = new Dictionary<int, int>(nodes.Count);
        var result = new List<SubgraphNode>(nodes.Count);
        foreach (var n in nodes)
        {
            if (!index.TryAdd(n, result.Count)) continue;
            var (state, depth) = annotate(n);
            var className = graph.Model.Classes[graph.StateAt(n, seq)!.ClassIndex].Name;
            result.Add(new SubgraphNode(graph.CiId(n), className, null, state, depth));
        }

        var edges = new List<SubgraphEdge>();
        var view = graph.View();
        var follow = allowedTypes ?? Enumerable.Repeat(true, graph.Model.RelationshipTypes.Count).ToArray();
        foreach (var n in index.Keys)
        {
            // The node's outgoing row, in edge-number order like OutEdges: the target and type come with each entry.
            for (var c = new IncidentCursor(view, outgoing: true, follow, n, seq); c.MoveNext();)
            {
                if (!index.ContainsKey(c.Other)) continue;
                var type = graph.Model.RelationshipTypes[c.Type].Name;
                edges.Add(new SubgraphEdge(graph.CiId(n), graph.CiId(c.Other), type, graph.Key(c.Edge)));
            }
        }

        return new Subgraph(result, edges);
    }
}
