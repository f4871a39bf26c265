using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

/// <summary>
/// Yen's k shortest loopless paths over an unweighted walk (the traversal rules decide which edges may be walked and
/// which way). Deterministic: breadth-first search visits edges in index order and ties are broken by edge numbers.
/// </summary>
internal sealed class KShortestPaths
{
    private readonly GraphIndex _graph;
    private readonly TraversalRules _rules;

    public KShortestPaths(GraphIndex graph, TraversalRules rules)
    {
        _graph = graph;
        _rules = rules;
    }

    public List<CiPath> Find(int from, int to, int k)
    {
        var accepted = new List<CiPath>();
        var first = Shortest(from, to, [], [], _rules.MaxDepth);
        if (first is null) return accepted;
        accepted.Add(first);
        var candidates = new List<CiPath>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { KeyOf(first) };
        while (accepted.Count < k)
        {
            var previous = accepted[^1];
            for (var i = 0; i < previous.Edges.Count; i++)
            {
                var spur = previous.Nodes[i];
                var blockedEdges = new HashSet<int>();
                foreach (var p in accepted)
                {
                    if (p.Edges.Count > i && SamePrefix(p, previous, i)) blockedEdges.Add(p.Edges[i]);
                }

                var blockedNodes = new HashSet<int>(previous.Nodes.Take(i));
                var tail = Shortest(spur, to, blockedNodes, blockedEdges, _rules.MaxDepth - i);
                if (tail is null) continue;
                var path = new CiPath([.. previous.Nodes.Take(i), .. tail.Nodes], [.. previous.Edges.Take(i), .. tail.Edges]);
                if (seen.Add(KeyOf(path))) candidates.Add(path);
            }

            if (candidates.Count == 0) break;
            candidates.Sort(Compare);
            accepted.Add(candidates[0]);
            candidates.RemoveAt(0);
        }

        accepted.Sort(Compare);
        return accepted;
    }

    private CiPath? Shortest(int from, int to, HashSet<int> blockedNodes, HashSet<int> blockedEdges, int maxLength)
    {
        var pred = new Dictionary<int, (int Node, int Edge)> { [from] = (-1, -1) };
        var frontier = new List<int> { from };
        var view = _graph.View();
        var seq = _rules.Seq;
        for (var length = 0; length < maxLength && frontier.Count > 0; length++)
        {
            var next = new List<int>();
            foreach (var u in frontier)
            {
                // Rows list a node's edges in edge-number order (as OutEdges/InEdges do), so the walk order is unchanged.
                for (var c = new IncidentCursor(view, outgoing: true, _rules.FollowOut, u, seq); c.MoveNext();)
                {
                    if (Step(u, c.Other, c.Edge)) return Build(to, pred);
                }

                for (var c = new IncidentCursor(view, outgoing: false, _rules.FollowIn, u, seq); c.MoveNext();)
                {
                    if (Step(u, c.Other, c.Edge)) return Build(to, pred);
                }
            }

            frontier = next;

            // The cursor already skipped edges of other types and edges not alive at the commit.
            bool Step(int u, int v, int e)
            {
                if (blockedEdges.Contains(e) || blockedNodes.Contains(v) || pred.ContainsKey(v)) return false;
                if (!ImpactEngine.Takes(_graph, _rules, v, out _)) return false;
                pred[v] = (u, e);
                next.Add(v);
                return v == to;
            }
        }

        return null;
    }

    private static CiPath Build(int to, Dictionary<int, (int Node, int Edge)> pred)
    {
        var nodes = new List<int>();
        var edges = new List<int>();
        for (var v = to; v >= 0; v = pred[v].Node)
        {
            nodes.Add(v);
            if (pred[v].Edge >= 0) edges.Add(pred[v].Edge);
        }

        nodes.Reverse();
        edges.Reverse();
        return new CiPath(nodes, edges);
    }

    private static bool SamePrefix(CiPath a, CiPath b, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (a.Edges[i] != b.Edges[i]) return false;
        }

        return true;
    }

    private static int Compare(CiPath a, CiPath b)
    {
        if (a.Edges.Count != b.Edges.Count) return a.Edges.Count.CompareTo(b.Edges.Count);
        for (var i = 0; i < a.Edges.Count; i++)
        {
            if (a.Edges[i] != b.Edges[i]) return a.Edges[i].CompareTo(b.Edges[i]);
        }

        return 0;
    }

    private static string KeyOf(CiPath path) => string.Join(',', path.Edges);
}
