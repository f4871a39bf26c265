namespace Cmdb.Domain.Impact;

internal sealed partial class TraversalScratch
{
    /// <summary>True when the reaching pass recorded <see cref="LinkStart"/>.. for the settling pass.</summary>
    public bool Linked;

    /// <summary>Links of slot i are [LinkStart[i], LinkStart[i + 1]): each a followed live edge to another reached slot, in row order.</summary>
    public int[] LinkStart = new int[65];
    public int[] LinkSlot = new int[256];
    public int[] LinkEdge = new int[256];
    public ushort[] LinkType = new ushort[256];
    public int LinkCount;

    public void Link(int slot, int edge, int type)
    {
        if (LinkCount == LinkSlot.Length)
        {
            var size = LinkSlot.Length * 2;
            Array.Resize(ref LinkSlot, size);
            Array.Resize(ref LinkEdge, size);
            Array.Resize(ref LinkType, size);
        }

        LinkSlot[LinkCount] = slot;
        LinkEdge[LinkCount] = edge;
        LinkType[LinkCount] = (ushort)type;
        LinkCount++;
    }
}
