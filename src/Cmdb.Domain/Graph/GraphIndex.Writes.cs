using Cmdb.Domain.Items;

namespace Cmdb.Domain.Graph;

public sealed partial class GraphIndex
{
    /// <summary>Adds the relationship <paramref name="key"/> from <paramref name="source"/> to <paramref name="target"/>, alive from commit <paramref name="seq"/>.</summary>
    public int AddEdge(long key, int source, int target, int typeIndex, int seq)
    {
        lock (_writer)
        {
            var edge = _edgeCount;
            if (edge == _validFrom.Length) GrowEdges();
            var adjacency = _adjacency;
            adjacency.Tail.Set(edge - adjacency.EdgeCount, source, target, checked((ushort)typeIndex));
            _validFrom[edge] = seq;
            _validTo[edge] = Open;
            _key.Append(edge, key, _validFrom.Length);
            Volatile.Write(ref _edgeCount, edge + 1);
            adjacency.Out.Append(source, edge, NodeCapacity);
            adjacency.In.Append(target, edge, NodeCapacity);
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
                adjacency.Out.Detach(source, NodeCapacity);
                adjacency.In.Detach(adjacency.Target(edge), NodeCapacity);
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
        _adjacency.NoteFactsChanged(node); // before the change: see Adjacency.FactsChanged
        var facts = _facts;
        var currentIsObject = facts[2 * node] == PackedFacts.Overflow; // then it heads the chain already
        if (current is not null) Volatile.Write(ref facts[2 * node], PackedFacts.Busy);
        var older = current is null ? null : currentIsObject ? _history[node] : current with { Previous = _history[node] };
        if (PackedFacts.TryPack(next, out var first, out var info))
        {
            _history.Set(node, older);
            Volatile.Write(ref facts[(2 * node) + 1], info);
            Volatile.Write(ref facts[2 * node], first);
        }
        else
        {
            _history.Set(node, next with { Previous = older });
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

    /// <summary>Doubles small arrays; large ones grow by a quarter, so a write after a million-CI load does not double 70 MB.</summary>
    private static int Grown(int length) => length < (1 << 20) ? length * 2 : (int)Math.Min(Array.MaxLength, length + (length / 4L));

    private void GrowEdges()
    {
        var size = Grown(_validFrom.Length);
        Array.Resize(ref _validFrom, size);
        Array.Resize(ref _validTo, size);
        _key.EnsureCapacity(size);
    }
}
