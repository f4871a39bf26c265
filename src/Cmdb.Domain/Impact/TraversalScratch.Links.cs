namespace Cmdb.Domain.Impact;

internal sealed partial class TraversalScratch
{
    /// <summary>True when the reaching pass recorded <see cref="LinkStart"/>.. for the settling pass.</summary>
    public bool Linked;

    /// <summary>True when the walk over the propagation rows ran pass 1 of settling itself (see ImpactEngine.Walk).</summary>
    public bool Settled;

    /// <summary>Pass 1 left some CI degraded (redundancy absorbed a failure): passes 2 and 3 have work.</summary>
    public bool Absorbed;

    /// <summary>
    /// Links of slot i are [LinkStart[i], LinkStart[i + 1]): each a followed live edge to another reached slot, in row
    /// order, with whether its type is redundant. Only the walk over the general rows records them; after a walk over
    /// the propagation rows settling reads each slot's links from its row (see ImpactEngine.SpreadDownRows).
    /// </summary>
    public int[] LinkStart = new int[65];
    public int[] LinkSlot = new int[256];
    public int[] LinkEdge = new int[256];
    public bool[] LinkRedundant = new bool[256];
    public int LinkCount;

    public void Link(int slot, int edge, bool redundant)
    {
        if (LinkCount == LinkSlot.Length)
        {
            var size = LinkSlot.Length * 2;
            Array.Resize(ref LinkSlot, size);
            Array.Resize(ref LinkEdge, size);
            Array.Resize(ref LinkRedundant, size);
        }

        LinkSlot[LinkCount] = slot;
        LinkEdge[LinkCount] = edge;
        LinkRedundant[LinkCount] = redundant;
        LinkCount++;
    }
}
