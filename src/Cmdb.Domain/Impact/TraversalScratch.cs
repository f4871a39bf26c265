namespace Cmdb.Domain.Impact;

/// <summary>
/// Reusable working memory for one traversal: a per-node mark (the run's <see cref="Generation"/> in the high half,
/// so nothing is cleared between runs, and the node's dense slot in the low half: one load answers "seen?" and
/// "which slot?"), per-slot arrays in reach order, and the links between reached slots that the settling pass walks.
/// One instance is cached per thread; a nested traversal on the same thread gets its own.
/// </summary>
internal sealed partial class TraversalScratch
{
    [ThreadStatic]
    private static TraversalScratch? t_cached;

    public long[] Mark = []; // slot -1: seen but excluded (retired, missing, outside the restriction)
    public int Generation;
    public int Count;

    /// <summary>The edge snapshot of the run: every pass uses the same one, so nodes added meanwhile are never met.</summary>
    public Graph.EdgeArrays Edges;

    /// <summary>The topology snapshot of the run (edges, adjacency, node facts), taken by the reaching pass.</summary>
    public Graph.TopologyView View;

    public int[] Node = new int[64];
    public int[] Depth = new int[64];
    public int[] Pred = new int[64];
    public ImpactState[] State = new ImpactState[64];
    public int[] MinHealthy = new int[64];
    public int[] Alternatives = new int[64];
    public int[] FailedAlternatives = new int[64];
    public int[] Work = new int[64]; // the settling passes' queue of slots

    public static TraversalScratch Rent(int nodeCount)
    {
        var s = t_cached ?? new TraversalScratch();
        t_cached = null;
        s.Begin(nodeCount);
        return s;
    }

    public static void Return(TraversalScratch scratch)
    {
        scratch.Edges = default; // do not keep an index's arrays alive after it grew
        scratch.View = default;
        scratch.Propagation = null;
        scratch.ToLocal = null;
        scratch.AlternativesInFacts = false;
        t_cached = scratch;
    }

    /// <summary>Makes room for nodes added since <see cref="Rent"/>, keeping this run's stamps.</summary>
    public void EnsureNodes(int nodeCount)
    {
        if (Mark.Length >= nodeCount) return;
        Array.Resize(ref Mark, Math.Max(nodeCount, Mark.Length * 2));
    }

    /// <summary>True when <paramref name="node"/> was seen in this run; <paramref name="slot"/> is -1 when it was excluded.</summary>
    public bool TrySlot(int node, out int slot)
    {
        if (ToLocal is { } local)
        {
            if ((uint)node < (uint)local.Length) return TryLocalSlot(local[node], out slot);
            slot = -1;
            return false;
        }

        var mark = node >= 0 ? Mark[node] : 0;
        if ((int)(mark >> 32) == Generation)
        {
            slot = (int)mark;
            return true;
        }

        slot = -1;
        return false;
    }

    public void Exclude(int node)
    {
        Mark[node] = MarkOf(-1);
    }

    public long MarkOf(int slot) => ((long)Generation << 32) | (uint)slot;

    public int Add(int node, int depth, int pred, int minHealthy)
    {
        if (Count == Node.Length) Grow();
        var slot = Count++;
        Mark[node] = MarkOf(slot);
        Node[slot] = node;
        Depth[slot] = depth;
        Pred[slot] = pred;
        MinHealthy[slot] = minHealthy; // State is set by the settling pass
        return slot;
    }

    private void Begin(int nodeCount)
    {
        Count = 0;
        LinkCount = 0;
        Linked = false;
        Settled = false;
        Absorbed = false;
        Propagation = null;
        ToLocal = null;
        HasLevels = false;
        if (Mark.Length < nodeCount)
        {
            Mark = new long[Math.Max(nodeCount, Mark.Length * 2)];
            Generation = 0;
        }

        if (++Generation == int.MaxValue)
        {
            Array.Clear(Mark);
            Generation = 1;
        }
    }

    private void Grow()
    {
        var size = Node.Length * 2;
        Array.Resize(ref Node, size);
        Array.Resize(ref Depth, size);
        Array.Resize(ref Pred, size);
        Array.Resize(ref State, size);
        Array.Resize(ref MinHealthy, size);
        Array.Resize(ref Alternatives, size);
        Array.Resize(ref FailedAlternatives, size);
        Array.Resize(ref Work, size);
        Array.Resize(ref LinkStart, size + 1);
        Array.Resize(ref Local, size);
        Array.Resize(ref SlotFacts, size);
    }
}
