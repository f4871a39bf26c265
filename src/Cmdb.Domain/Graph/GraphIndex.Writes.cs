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
                var current = _nodes[node]!;
                var next = new NodeState(classIndex, status, env, criticality ?? 0, minHealthy ?? 0, seq) { Previous = current };
                if (SameFacts(current, next)) return node;
                Volatile.Write(ref _nodes[node], next);
                return node;
            }

            node = _nodeCount;
            if (node == _ciIds.Length) GrowNodes();
            _ciIds[node] = ciId;
            _nodes[node] = new NodeState(classIndex, status, env, criticality ?? 0, minHealthy ?? 0, seq);
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
            Append(_out, _outCount, source, edge);
            Append(_in, _inCount, target, edge);
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
        if (validTo is { } to) _validTo[edge] = to;
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

    private static void Append(int[]?[] lists, int[] counts, int node, int edge)
    {
        var list = lists[node];
        var count = counts[node];
        if (list is null || count == list.Length)
        {
            var grown = new int[list is null ? 2 : list.Length * 2];
            list?.CopyTo(grown, 0);
            grown[count] = edge;
            Volatile.Write(ref lists[node], grown);
        }
        else
        {
            list[count] = edge;
        }

        Volatile.Write(ref counts[node], count + 1);
    }

    private void GrowNodes()
    {
        var size = _ciIds.Length * 2;
        Array.Resize(ref _ciIds, size);
        Array.Resize(ref _nodes, size);
        Array.Resize(ref _out, size);
        Array.Resize(ref _in, size);
        Array.Resize(ref _outCount, size);
        Array.Resize(ref _inCount, size);
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
