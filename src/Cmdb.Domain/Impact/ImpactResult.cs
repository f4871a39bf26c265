using Cmdb.Domain.Errors;
using Cmdb.Domain.Impact.Export;

namespace Cmdb.Domain.Impact;

/// <summary>
/// Every CI that trouble in the given CIs reaches, with its state, distance and (on request) the path that explains
/// it. Totals and the summary are exact whatever page of <see cref="Items"/> is read; the order is stable: by depth,
/// then worst state first, then node.
/// </summary>
/// <remarks>
/// Items, paths and the summary's names and order are built on first use; the traversal fills compact arrays and, after
/// a walk over the propagation rows, the summary's counts (<see cref="ImpactCounts"/>).
/// <para>Disposing is optional: it gives a large result's arrays back for the next impact call to reuse (see
/// <see cref="Dispose"/>). A result that is never disposed stays correct and is collected as usual.</para>
/// </remarks>
public sealed partial class ImpactResult : IDisposable
{
    private readonly ReachedSet _reached;
    private ImpactCounts? _counts;
    private readonly bool[]? _environments;
    private readonly bool[] _followedTypes;
    private int[]? _order;
    private ImpactSummary? _summary;

    /// <remarks><c>counts</c>: the totals when the walk counted them; null: counted from the reached set on first use.</remarks>
    internal ImpactResult(ReachedSet reached, ImpactCounts? counts, bool[]? environments, bool[] followedTypes)
    {
        _reached = reached;
        _counts = counts;
        _environments = environments;
        _followedTypes = followedTypes;
    }

    /// <summary>The commit the topology was read at.</summary>
    public int Seq => Reached.Seq;

    /// <summary>How many CIs are reported (causes included, environment filter applied).</summary>
    public int TotalCount
    {
        get
        {
            var reached = Reached;
            return _environments is null ? reached.Count : Counts.Total;
        }
    }

    /// <summary>Totals by state, class, environment and criticality, and the business services reached.</summary>
    public ImpactSummary Summary
    {
        get
        {
            _reached.ThrowIfReleased();
            return _summary ??= Summarise();
        }
    }

    public IReadOnlyList<ImpactedService> BusinessServices => Summary.BusinessServices;

    private int[] Order => _order ??= Reached.Ordered(_environments);

    /// <summary>The reached set, checked not released: every public read goes through it.</summary>
    private ReachedSet Reached
    {
        get
        {
            _reached.ThrowIfReleased();
            return _reached;
        }
    }

    /// <summary>
    /// Ends the reads of this result: its per-CI arrays (pooled for closures of 1,024 CIs or more) go back for the next
    /// impact call to reuse, so a large call allocates and faults in no new memory. Every later read, including a
    /// business-service list taken from <see cref="Summary"/> but not yet enumerated, throws
    /// <see cref="ObjectDisposedException"/>. Dispose only when nothing reads the result any more (a GraphQL request:
    /// once it has executed). Idempotent.
    /// </summary>
    public void Dispose() => _reached.Release();

    private ImpactCounts Counts => _counts ??= ImpactCounts.FromSet(_reached, _environments);

    /// <summary>A page of the reported CIs in the stable order.</summary>
    public IReadOnlyList<ImpactItem> Items(int offset, int count)
    {
        if (offset < 0) throw CmdbException.Invalid($"Offset must be 0 or more; got {offset}.", "offset");
        if (count < 0) throw CmdbException.Invalid($"Count must be 0 or more; got {count}.", "count");
        _reached.ThrowIfReleased();
        var order = Order;
        var end = (int)Math.Min(order.Length, (long)offset + count);
        var items = new List<ImpactItem>(Math.Max(0, end - offset));
        for (var i = offset; i < end; i++) items.Add(ItemAt(order[i]));
        return items;
    }

    /// <summary>The CI's entry, or null when the trouble does not reach it (or it is filtered out).</summary>
    public ImpactItem? Find(string ciId)
    {
        var slot = VisibleSlot(ciId);
        return slot < 0 ? null : ItemAt(slot);
    }

    /// <summary>
    /// Why the CI is affected: the relationships from a cause to it, in the order trouble crossed them. Each step
    /// carries trouble at least as bad as the CI's state. Empty for a cause; null when the CI is not reported.
    /// </summary>
    public IReadOnlyList<PathStep>? PathTo(string ciId)
    {
        var slot = VisibleSlot(ciId);
        return slot < 0 ? null : Reached.PathTo(slot);
    }

    /// <summary>The reported CIs and the followed relationships among them, for drawing.</summary>
    public Subgraph ToSubgraph()
    {
        _reached.ThrowIfReleased();
        var nodes = new List<int>(Order.Length);
        foreach (var slot in Order) nodes.Add(_reached.Node(slot));
        return Subgraph.Build(_reached.Graph, Seq, nodes, _followedTypes, n =>
        {
            var slot = _reached.SlotOf(n);
            return (_reached.State(slot), _reached.Depth(slot));
        });
    }

    private int VisibleSlot(string ciId)
    {
        if (!Reached.Graph.TryGetNode(ciId, out var node)) return -1;
        var slot = _reached.SlotOf(node);
        if (slot < 0) return -1;
        if (_environments is null) return slot;
        var env = _reached.FactsOf(slot).Environment;
        return env < _environments.Length && _environments[env] ? slot : -1;
    }

    private ImpactItem ItemAt(int slot)
    {
        var graph = _reached.Graph;
        var facts = _reached.Facts(slot);
        return new ImpactItem(
            graph.CiId(_reached.Node(slot)),
            graph.Model.Classes[facts.ClassIndex].Name,
            graph.EnvironmentName(facts.EnvironmentIndex),
            facts.Criticality == 0 ? null : facts.Criticality,
            _reached.State(slot),
            _reached.Depth(slot),
            slot < _reached.Starts);
    }
}
