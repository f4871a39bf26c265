using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Impact;

internal sealed partial class ReachedSet
{
    /// <summary>
    /// The slot's class, environment and criticality at the result's commit: from the rows' compact copy while the writer
    /// has not changed the CI since they were built (then the copy holds at every commit they serve), else from the
    /// packed facts or the state history.
    /// </summary>
    public (int ClassIndex, int Environment, int Criticality) FactsOf(int slot)
    {
        var node = Node(slot);
        if (_propagation is { } rows && rows.FactsOf(_node[slot]) is var known && known >= 0
            && (rows.Adjacency.FactsChanged is not { } changed || !Adjacency.Changed(changed, node)))
        {
            return Unpack(rows.Combos[LocalFacts.Combo(known)]);
        }

        if (GraphIndex.TryCurrentInfo(Graph.FactsArray, node, Seq, out var info)) return Unpack(info);
        var facts = Graph.StateAt(node, Seq)!;
        return (facts.ClassIndex, facts.EnvironmentIndex, facts.Criticality);
    }

    private static (int, int, int) Unpack(long info) => (PackedFacts.ClassIndex(info), PackedFacts.EnvironmentIndex(info), PackedFacts.Criticality(info));

    /// <summary>
    /// The reached business services (per class flag <paramref name="isService"/>) whose environment passes the filter,
    /// unordered; <paramref name="expected"/> sizes the list.
    /// </summary>
    public List<ImpactedServiceList.Entry> Services(int[] isService, bool[]? environments, int expected)
    {
        ThrowIfReleased(); // the list is made on first read, which may come after the result was disposed
        var list = new List<ImpactedServiceList.Entry>(expected);
        for (var slot = 0; slot < _count; slot++)
        {
            var (classIndex, environment, criticality) = FactsOf(slot);
            if (isService[classIndex] == 0 || (environments is not null && !Passes(environments, environment))) continue;
            list.Add(new ImpactedServiceList.Entry(Node(slot), classIndex, criticality, State(slot), Depth(slot)));
        }

        return list;
    }
}
