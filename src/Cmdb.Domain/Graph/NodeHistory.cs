namespace Cmdb.Domain.Graph;

/// <summary>
/// The older states of each node (newest first, see <see cref="NodeState.Previous"/>), in pages of 1,024 nodes that
/// exist only once one of their nodes has a history: most CIs of a large estate never changed, and a reference per
/// node would cost 8 MB per million CIs for nothing.
/// </summary>
/// <remarks>One writer; lock-free readers. A page is filled (all null) before it is published, and never replaced.</remarks>
internal sealed class NodeHistory
{
    private const int PageBits = 10;
    private const int PageMask = (1 << PageBits) - 1;
    private NodeState?[]?[] _pages = new NodeState?[]?[16];

    public NodeState? this[int node]
    {
        get
        {
            var pages = Volatile.Read(ref _pages);
            var p = node >> PageBits;
            if (p >= pages.Length || Volatile.Read(ref pages[p]) is not { } page) return null;
            return Volatile.Read(ref page[node & PageMask]);
        }
    }

    /// <summary>Writer only.</summary>
    public void Set(int node, NodeState? value)
    {
        var p = node >> PageBits;
        var pages = _pages;
        if (p >= pages.Length)
        {
            if (value is null) return;
            var grown = new NodeState?[]?[Math.Max(p + 1, pages.Length * 2)];
            Array.Copy(pages, grown, pages.Length);
            Volatile.Write(ref _pages, grown);
            pages = grown;
        }

        var page = pages[p];
        if (page is null)
        {
            if (value is null) return;
            page = new NodeState?[1 << PageBits];
            Volatile.Write(ref pages[p], page);
        }

        Volatile.Write(ref page[node & PageMask], value);
    }
}
