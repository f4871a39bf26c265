using Cmdb.Domain.Items;

namespace Cmdb.Domain.Graph;

public sealed partial class GraphIndex
{
    /// <summary>
    /// Adds a CI or records its new facts as of commit <paramref name="seq"/>. Call only after the commit is durable,
    /// then <see cref="CommitLog.Append"/> to publish it.
    /// </summary>
    public int UpsertNode(string ciId, int classIndex, CiStatus status, string? environment, int? criticality, int? minHealthy, int seq)
    {
        lock (_writer)
        {
            var env = InternEnvironment(environment);
            if (_nodeByCi.TryGetValue(ciId, out var node))
            {
                var current = StateAt(node, int.MaxValue)!;
                var next = new NodeState(classIndex, status, env, criticality ?? 0, minHealthy ?? 0, seq);
                if (SameFacts(current, next)) return node;
                WriteState(node, current, next);
                return node;
            }

            node = _nodeCount;
            if (node == _ciIds.Length) GrowNodes();
            _ciIds[node] = ciId;
            WriteState(node, null, new NodeState(classIndex, status, env, criticality ?? 0, minHealthy ?? 0, seq));
            _nodeByCi[ciId] = node;
            Volatile.Write(ref _nodeCount, node + 1);
            return node;
        }
    }

    /// <summary>Adds the relationship <paramref name="key"/> from <paramref name="source"/> to <paramref name="target"/>, alive from commit <paramref name="seq"/>.</summary>
    public int AddEdge(long key, int source, int target, int typeIndex, int seq)
    {
        lock (_writer)
        {
            var edge = _edgeCount;
            if (edge == _source.Length) GrowEdges();
            _source[edge] = source;
            _target[edge] = target;
            _type[edge] = checked((ushort)typeIndex);
            _validFrom[edge] = seq;
            _validTo[edge] = Open;
            _key[edge] = key;
            Volatile.Write(ref _edgeCount, edge + 1);
            var adjacency = _adjacency;
            adjacency.Out.Append(source, edge, _ciIds.Length);
            adjacency.In.Append(target, edge, _ciIds.Length);
            return edge;
        }
    }

    /// <summary>Ends the relationship <paramref name="key"/> (which starts at <paramref name="source"/>) at commit <paramref name="seq"/>.</summary>
    public bool RemoveEdge(long key, int source, int seq)
    {
        lock (_writer)
        {
            foreach (var edge in OutEdges(source))
            {
                if (_key[edge] != key || _validTo[edge] != Open) continue;
                var adjacency = _adjacency; // both ends' rows stop being "stable" before the edge ends
                adjacency.Out.Detach(source, _ciIds.Length);
                adjacency.In.Detach(_target[edge], _ciIds.Length);
                Volatile.Write(ref _validTo[edge], seq);
                return true;
            }

            return false;
        }
    }

    /// <summary>Loads a relationship's whole history at start-up (its interval is already known).</summary>
    public void LoadEdge(long key, int source, int target, int typeIndex, int validFrom, int? validTo)
    {
        var edge = AddEdge(key, source, target, typeIndex, validFrom);
        if (validTo is { } to) Volatile.Write(ref _validTo[edge], to); // the edge is in overlay rows, never "stable"
    }

    /// <summary>Makes <paramref name="next"/> current; <paramref name="current"/> (if any) joins the older states. Order: see <see cref="PackedFacts"/>.</summary>
    private void WriteState(int node, NodeState? current, NodeState next)
    {
        var facts = _facts;
        var nodes = _nodes;
        var currentIsObject = facts[2 * node] == PackedFacts.Overflow; // then it heads the chain already
        if (current is not null) Volatile.Write(ref facts[2 * node], PackedFacts.Busy);
        var older = current is null ? null : currentIsObject ? nodes[node] : current with { Previous = nodes[node] };
        if (PackedFacts.TryPack(next, out var first, out var info))
        {
            Volatile.Write(ref nodes[node], older);
            Volatile.Write(ref facts[(2 * node) + 1], info);
            Volatile.Write(ref facts[2 * node], first);
        }
        else
        {
            Volatile.Write(ref nodes[node], next with { Previous = older });
            Volatile.Write(ref facts[2 * node], PackedFacts.Overflow);
        }
    }

    private static bool SameFacts(NodeState a, NodeState b) =>
        a.ClassIndex == b.ClassIndex && a.Status == b.Status && a.EnvironmentIndex == b.EnvironmentIndex
        && a.Criticality == b.Criticality && a.MinHealthy == b.MinHealthy;

    private int InternEnvironment(string? environment)
    {
        if (string.IsNullOrEmpty(environment)) return 0;
        if (!_environments.TryGetValue(environment, out var i))
        {
            i = _environments.Count;
            _environments[environment] = i;
        }

        return i;
    }

    private void GrowNodes()
    {
        var size = _ciIds.Length * 2;
        Array.Resize(ref _ciIds, size);
        Array.Resize(ref _nodes, size);
        Array.Resize(ref _facts, 2 * size);
    }

    private void GrowEdges()
    {
        var size = _source.Length * 2;
        Array.Resize(ref _source, size);
        Array.Resize(ref _target, size);
        Array.Resize(ref _type, size);
        Array.Resize(ref _validFrom, size);
        Array.Resize(ref _validTo, size);
        Array.Resize(ref _key, size);
    }
}
