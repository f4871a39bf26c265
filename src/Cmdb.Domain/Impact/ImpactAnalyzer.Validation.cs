using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Impact;

public sealed partial class ImpactAnalyzer
{
    /// <summary>The type filter as flags by type index; null when every type is allowed.</summary>
    internal static bool[]? ResolveTypes(ModelCatalog model, IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0) return null;
        var allowed = new bool[model.RelationshipTypes.Count];
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (name is not null && model.TryGetRelationshipType(name, out var type)) allowed[type.Index] = true;
            else unknown.Add($"'{name}'");
        }

        if (unknown.Count > 0)
        {
            var known = string.Join(", ", model.RelationshipTypes.Select(t => t.Name));
            throw CmdbException.Invalid($"Unknown relationship type {string.Join(", ", unknown)}; known types: {known}.", "relationshipTypes");
        }

        return allowed;
    }

    private TraversalRules Downstream(GraphIndex graph, ImpactScope scope) =>
        TraversalRules.Downstream(graph.Model, ResolveTypes(graph.Model, scope.RelationshipTypes), ResolveSeq(graph, scope), ResolveDepth(scope), scope.IncludeRetired);

    private TraversalRules Upstream(GraphIndex graph, ImpactScope scope) =>
        TraversalRules.Upstream(graph.Model, ResolveTypes(graph.Model, scope.RelationshipTypes), ResolveSeq(graph, scope), ResolveDepth(scope), scope.IncludeRetired);

    private int ResolveDepth(ImpactScope scope)
    {
        var depth = scope.MaxDepth ?? Options.DefaultMaxDepth;
        if (depth < 0 || depth > Options.MaxDepthCap)
            throw CmdbException.Invalid($"Depth must be between 0 and {Options.MaxDepthCap}; got {depth}.", "maxDepth");
        return depth;
    }

    private static int ResolveSeq(GraphIndex graph, ImpactScope scope)
    {
        var latest = graph.Commits.Latest;
        var seq = scope.AsOfSeq ?? latest;
        if (seq < 0 || seq > latest)
            throw CmdbException.Invalid($"Commit {seq} does not exist; commits run from 0 to {latest}.", "asOf");
        return seq;
    }

    /// <summary>Environment filter as flags by environment index; null when every environment is reported.</summary>
    private static bool[]? ResolveEnvironments(GraphIndex graph, IReadOnlyCollection<string>? names)
    {
        if (names is null || names.Count == 0) return null;
        var indexes = new List<int>();
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) throw CmdbException.Invalid("An environment name is empty.", "environments");
            var i = graph.EnvironmentIndex(name);
            if (i > 0) indexes.Add(i); // an environment no CI is in matches nothing
        }

        var flags = new bool[indexes.Count == 0 ? 0 : indexes.Max() + 1];
        foreach (var i in indexes) flags[i] = true;
        return flags;
    }

    /// <summary>The nodes of the CIs, in order (duplicates kept); refuses blanks and names every CI that did not exist at <paramref name="seq"/>.</summary>
    private static int[] ResolveCis(GraphIndex graph, IReadOnlyCollection<string>? ciIds, int seq)
    {
        if (ciIds is null || ciIds.Count == 0) throw CmdbException.Invalid("Give at least one CI id.", "ciIds");
        var nodes = new int[ciIds.Count];
        var missing = new List<string>();
        var i = 0;
        foreach (var id in ciIds)
        {
            if (string.IsNullOrWhiteSpace(id)) throw CmdbException.Invalid($"CI id number {i + 1} is empty.", "ciIds");
            if (graph.TryGetNode(id, out var node) && graph.StateAt(node, seq) is not null) nodes[i] = node;
            else missing.Add($"'{id}'");
            i++;
        }

        if (missing.Count > 0)
            throw CmdbException.NotFound($"No CI with id {string.Join(", ", missing)}{(seq < graph.Commits.Latest ? $" as of commit {seq}" : "")}.");
        return nodes;
    }
}
