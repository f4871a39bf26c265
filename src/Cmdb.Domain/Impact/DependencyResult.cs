using Cmdb.Domain.Errors;
using Cmdb.Domain.Impact.Export;

namespace Cmdb.Domain.Impact;

/// <summary>
/// Everything a CI needs: the CIs whose trouble would reach it, nearest first (then by node), each with its distance
/// and, on request, the chain of relationships from the CI to it.
/// </summary>
public sealed class DependencyResult
{
    private readonly ReachedSet _reached;
    private readonly bool[]? _environments;
    private readonly bool[] _followedTypes;
    private int[]? _order;

    internal DependencyResult(ReachedSet reached, bool[]? environments, bool[] followedTypes)
    {
        _reached = reached;
        _environments = environments;
        _followedTypes = followedTypes;
    }

    /// <summary>The CI asked about.</summary>
    public string CiId => _reached.Graph.CiId(_reached.Node(0));

    public int Seq => _reached.Seq;

    /// <summary>How many CIs it needs (itself excluded, environment filter applied).</summary>
    public int TotalCount => _environments is null ? _reached.Count - _reached.Starts : Order.Length;

    private int[] Order => _order ??= _reached.Ordered(_environments, withStarts: false);

    public IReadOnlyList<DependencyItem> Items(int offset, int count)
    {
        if (offset < 0) throw CmdbException.Invalid($"Offset must be 0 or more; got {offset}.", "offset");
        if (count < 0) throw CmdbException.Invalid($"Count must be 0 or more; got {count}.", "count");
        var order = Order;
        var end = (int)Math.Min(order.Length, (long)offset + count);
        var items = new List<DependencyItem>(Math.Max(0, end - offset));
        for (var i = offset; i < end; i++)
        {
            var slot = order[i];
            var facts = _reached.Facts(slot);
            var graph = _reached.Graph;
            items.Add(new DependencyItem(
                graph.CiId(_reached.Node(slot)), graph.Model.Classes[facts.ClassIndex].Name, graph.EnvironmentName(facts.EnvironmentIndex),
                facts.Criticality == 0 ? null : facts.Criticality, _reached.Depth(slot)));
        }

        return items;
    }

    /// <summary>How the CI needs <paramref name="ciId"/>: the relationships from the CI to it, in walking order; null when it does not.</summary>
    public IReadOnlyList<PathStep>? PathTo(string ciId)
    {
        if (!_reached.Graph.TryGetNode(ciId, out var node)) return null;
        var slot = _reached.SlotOf(node);
        return slot < _reached.Starts || !_reached.Visible(slot, _environments) ? null : _reached.PathTo(slot);
    }

    /// <summary>The CI, what it needs, and the followed relationships among them.</summary>
    public Subgraph ToSubgraph()
    {
        var nodes = new List<int>(Order.Length + 1) { _reached.Node(0) };
        foreach (var slot in Order) nodes.Add(_reached.Node(slot));
        return Subgraph.Build(_reached.Graph, Seq, nodes, _followedTypes, n => (null, _reached.Depth(_reached.SlotOf(n))));
    }
}
