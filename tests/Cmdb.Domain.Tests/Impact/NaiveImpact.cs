using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Tests.Impact;

/// <summary>
/// A deliberately plain reference for the impact rules, written apart from the engine: list every way trouble can
/// move, take breadth-first distances, then re-evaluate every reached CI from scratch until nothing changes.
/// </summary>
internal static class NaiveImpact
{
    public static Dictionary<string, (ImpactState State, int Depth)> Compute(
        GraphIndex g, IReadOnlyList<string> causeIds, int maxDepth, int seq, bool includeRetired, IReadOnlySet<string>? types)
    {
        bool Takes(int n) => g.StateAt(n, seq) is { } s && (includeRetired || !s.IsRetired);

        var moves = new List<(int From, int To, RelationshipType Type)>();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (!g.IsAlive(e, seq)) continue;
            var type = g.Model.RelationshipTypes[g.TypeIndex(e)];
            if (types is not null && !types.Contains(type.Name)) continue;
            int a = g.Source(e), b = g.Target(e);
            if (a == b) continue;
            if (type.Propagation is Propagation.SourceToTarget or Propagation.Both) moves.Add((a, b, type));
            if (type.Propagation is Propagation.TargetToSource or Propagation.Both) moves.Add((b, a, type));
        }

        var causes = new HashSet<int>();
        foreach (var id in causeIds)
        {
            g.TryGetNode(id, out var n);
            causes.Add(n);
        }

        var dist = causes.ToDictionary(c => c, _ => 0);
        for (var d = 0; d < maxDepth; d++)
        {
            foreach (var m in moves)
            {
                if (dist.TryGetValue(m.From, out var df) && df == d && !dist.ContainsKey(m.To) && Takes(m.To)) dist[m.To] = d + 1;
            }
        }

        var state = dist.Keys.ToDictionary(n => n, n => causes.Contains(n) ? ImpactState.Down : ImpactState.None);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var v in dist.Keys)
            {
                if (causes.Contains(v)) continue;
                var minHealthy = g.StateAt(v, seq)!.MinHealthy;
                var worst = ImpactState.None;
                int n = 0, failed = 0, degraded = 0, atRisk = 0;
                foreach (var m in moves)
                {
                    if (m.To != v) continue;
                    var from = state.GetValueOrDefault(m.From, ImpactState.None);
                    if (minHealthy > 0 && m.Type.Redundant)
                    {
                        if (!Takes(m.From) && !causes.Contains(m.From)) continue;
                        n++;
                        if (from == ImpactState.Down) failed++;
                        if (from == ImpactState.Degraded) degraded++;
                        if (from == ImpactState.AtRisk) atRisk++;
                    }
                    else if (from != ImpactState.None)
                    {
                        worst = Max(worst, from == ImpactState.Down ? ImpactState.Down : ImpactState.AtRisk);
                    }
                }

                var group = failed > 0 && n - failed < minHealthy ? ImpactState.Down
                    : failed > 0 || degraded > 0 ? ImpactState.Degraded
                    : atRisk > 0 ? ImpactState.AtRisk : ImpactState.None;
                var next = Max(worst, group);
                if (next != state[v])
                {
                    state[v] = next;
                    changed = true;
                }
            }
        }

        return dist.ToDictionary(p => g.CiId(p.Key), p => (state[p.Key], p.Value));
    }

    private static ImpactState Max(ImpactState a, ImpactState b) => a > b ? a : b;
}
