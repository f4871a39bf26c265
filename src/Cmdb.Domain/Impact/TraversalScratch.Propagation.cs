using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal sealed partial class TraversalScratch
{
    /// <summary>
    /// Set when the run walked <see cref="PropagationRows"/>: marks are then indexed by local node (see
    /// <see cref="ToLocal"/>), and predecessors and link edges are propagation entries (see <see cref="PropagationRows.EdgeOf"/>).
    /// </summary>
    public PropagationRows? Propagation;

    /// <summary>Public to local node numbers while <see cref="Propagation"/> is set; <see cref="TrySlot"/> translates through it.</summary>
    public int[]? ToLocal;

    /// <summary>Per slot, the local node (runs over the propagation rows only).</summary>
    public int[] Local = new int[64];

    /// <summary>Per slot, the packed class, environment and criticality (runs over the propagation rows only).</summary>
    public long[] Info = new long[64];

    /// <summary>Gives <paramref name="node"/> the next slot, marking it under its local number.</summary>
    public int Add(int node, int depth, int pred, int minHealthy, int local)
    {
        if (Count == Node.Length) Grow();
        var slot = Count++;
        Mark[local] = MarkOf(slot);
        Node[slot] = node;
        Local[slot] = local;
        Depth[slot] = depth;
        Pred[slot] = pred;
        MinHealthy[slot] = minHealthy;
        return slot;
    }

    /// <summary>Grows the per-slot arrays to hold at least <paramref name="slots"/> slots.</summary>
    public void EnsureSlots(int slots)
    {
        while (Node.Length < slots) Grow();
    }

    /// <summary>Forgets everything this run reached (a new generation), keeping the arrays: for a run that must start over.</summary>
    public void Restart()
    {
        Count = 0;
        LinkCount = 0;
        Linked = false;
        Propagation = null;
        ToLocal = null;
        if (++Generation == int.MaxValue)
        {
            Array.Clear(Mark);
            Generation = 1;
        }
    }
}
