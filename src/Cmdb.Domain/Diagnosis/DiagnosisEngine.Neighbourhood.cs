using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;

namespace Cmdb.Domain.Diagnosis;

public sealed partial class DiagnosisEngine
{
    /// <summary>
    /// The CIs and everything whose trouble could reach them within <paramref name="depth"/> hops (their upstream
    /// neighbourhood) at commit <paramref name="seq"/>, each with its distance, nearest first.
    /// </summary>
    public IReadOnlyList<(string CiId, int Depth)> Upstream(GraphIndex graph, IReadOnlyCollection<string> ciIds, int seq, int depth)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(ciIds);
        var starts = new List<int>();
        foreach (var id in ciIds.Distinct(StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(id) || !graph.TryGetNode(id, out var node) || graph.StateAt(node, graph.Commits.Latest) is null)
                throw CmdbException.Invalid($"CI '{id}' does not exist.", "ciIds");
            starts.Add(node);
        }

        var rules = TraversalRules.Upstream(graph.Model, null, seq, Math.Min(depth, Options.MaxDepth), includeRetired: true);
        var s = TraversalScratch.Rent(graph.NodeCount);
        try
        {
            ImpactEngine.Reach(graph, rules, starts.ToArray(), s);
            var found = new List<(string, int)>(s.Count);
            for (var i = 0; i < s.Count; i++) found.Add((graph.CiId(s.Node[i]), s.Depth[i]));
            return found;
        }
        finally
        {
            TraversalScratch.Return(s);
        }
    }
}
