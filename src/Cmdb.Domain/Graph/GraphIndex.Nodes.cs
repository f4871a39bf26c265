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
        ArgumentNullException.ThrowIfNull(ciId);
        if (UlidText.TryParse(ciId, out var ulid)) return UpsertNode(ulid, classIndex, status, environment, criticality, minHealthy, seq);
        lock (_writer) return Upsert(_ids.FindName(ciId), ciId, default, classIndex, status, environment, criticality, minHealthy, seq);
    }

    /// <summary>As <see cref="UpsertNode(string, int, CiStatus, string?, int?, int?, int)"/>, for a CI id given as its ULID value (a loader that parsed it from the file's bytes).</summary>
    public int UpsertNode(UInt128 ciId, int classIndex, CiStatus status, string? environment, int? criticality, int? minHealthy, int seq)
    {
        lock (_writer)
        {
            if ((ulong)(ciId >> 64) == ulong.MaxValue) // a timestamp no clock reaches: kept by name (see NodeIds)
            {
                var name = UlidText.Format(ciId);
                return Upsert(_ids.FindName(name), name, default, classIndex, status, environment, criticality, minHealthy, seq);
            }

            return Upsert(_ids.Find(ciId), null, ciId, classIndex, status, environment, criticality, minHealthy, seq);
        }
    }

    /// <summary>
    /// As <see cref="UpsertNode(string, int, CiStatus, string?, int?, int?, int)"/> for a CI the caller already knows as
    /// <paramref name="node"/> (a writer that looked its id up before the commit): no parse of the id and no probe of the
    /// id table, which at 1M CIs was a cache miss per updated CI in a publish that nothing overlaps.
    /// </summary>
    public void UpdateNode(int node, int classIndex, CiStatus status, string? environment, int? criticality, int? minHealthy, int seq)
    {
        lock (_writer)
        {
            if ((uint)node >= (uint)_nodeCount) throw new ArgumentOutOfRangeException(nameof(node), node, "No such node in the index.");
            Upsert(node, null, default, classIndex, status, environment, criticality, minHealthy, seq);
        }
    }

    /// <summary>
    /// Makes room for <paramref name="count"/> nodes for a batch of writes: like <see cref="ReserveNodes"/>, but growing
    /// as adding nodes one by one does (by a quarter from 1M nodes), so batch after batch of new CIs does not copy the
    /// node arrays and rehash the id table each time.
    /// </summary>
    /// <remarks>
    /// A batch larger than that growth gets a quarter of room beyond its own count: sized exactly, the next batch,
    /// however small, copied the arrays and rehashed every id (0.3 s for 1,878 CIs after a 1M import).
    /// </remarks>
    public void GrowNodes(int count)
    {
        lock (_writer)
        {
            if (count > NodeCapacity) ResizeNodes((int)Math.Max(Grown(NodeCapacity), Math.Min(Array.MaxLength, count + (count / 4L))));
        }
    }

    /// <summary>Makes room for <paramref name="count"/> nodes at once (a loader that knows how many CIs follow), so no array grows by doubling on the way.</summary>
    public void ReserveNodes(int count)
    {
        lock (_writer)
        {
            if (count > NodeCapacity) ResizeNodes(count);
        }
    }

    /// <summary>Lock held: updates <paramref name="node"/>, or adds a node for <paramref name="name"/> (when not null) or <paramref name="ulid"/>.</summary>
    private int Upsert(int node, string? name, UInt128 ulid, int classIndex, CiStatus status, string? environment, int? criticality, int? minHealthy, int seq)
    {
        var env = InternEnvironment(environment);
        if (node >= 0)
        {
            // Most updates keep the facts the index holds (discovery's change attributes): compared in the packed slots,
            // without unpacking the current state into an object first.
            if (HoldsFacts(node, classIndex, status, env, criticality ?? 0, minHealthy ?? 0)) return node;
            var current = StateAt(node, int.MaxValue)!;
            var next = new NodeState(classIndex, status, env, criticality ?? 0, minHealthy ?? 0, seq);
            if (SameFacts(current, next)) return node;
            WriteState(node, current, next);
            return node;
        }

        node = _nodeCount;
        if (node == NodeCapacity) ResizeNodes(Grown(node));
        if (name is not null) _ids.Store(node, name);
        else _ids.Store(node, ulid);
        WriteState(node, null, new NodeState(classIndex, status, env, criticality ?? 0, minHealthy ?? 0, seq));
        Volatile.Write(ref _nodeCount, node + 1);
        _ids.Index(node); // findable only once the node is complete and counted (lookups of ULIDs take no lock)
        return node;
    }

    /// <summary>Lock held: true when the node's current packed state has exactly these facts (false when it is not packed).</summary>
    private bool HoldsFacts(int node, int classIndex, CiStatus status, int environmentIndex, int criticality, int minHealthy)
    {
        var first = _facts[2 * node];
        if (!PackedFacts.IsState(first)) return false;
        var info = _facts[(2 * node) + 1];
        return PackedFacts.ClassIndex(info) == classIndex && (CiStatus)((first >> 56) & 15) == status
            && PackedFacts.EnvironmentIndex(info) == environmentIndex && PackedFacts.Criticality(info) == criticality
            && PackedFacts.MinHealthy(first) == minHealthy;
    }

    /// <summary>Length of the per-node arrays.</summary>
    internal int NodeCapacity => _facts.Length / 2;

    private void ResizeNodes(int size)
    {
        _ids.EnsureCapacity(size);
        Array.Resize(ref _facts, 2 * size);
    }
}
