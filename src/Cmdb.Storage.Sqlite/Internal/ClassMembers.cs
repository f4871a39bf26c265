using Cmdb.Domain.Graph;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// The CIs whose current class is one of a set, taken from the graph index and sorted as <c>ci.id</c> sorts (ordinal
/// text): the class filter of a current-state query since V0011 dropped the <c>ci_class</c> index.
/// </summary>
/// <remarks>
/// The index holds every CI the file holds (retired ones included), and a CI's class never changes, so the set is the
/// one the index gave. ULIDs are sorted as 128-bit values (26 Crockford characters sort as their value), and made into
/// strings only for the ids a page asks for; a set with any other id is sorted as strings.
/// </remarks>
internal sealed class ClassMembers
{
    private readonly UInt128[] _ulids;
    private readonly string[]? _names; // all ids as strings, when some id is not a ULID

    private ClassMembers(UInt128[] ulids, string[]? names)
    {
        _ulids = ulids;
        _names = names;
    }

    public int Count => _names?.Length ?? _ulids.Length;

    /// <summary>
    /// The CIs of <paramref name="classes"/> whose current facts also pass the filter's statuses, environments and
    /// criticalities (the facts the index keeps, as the <c>ci</c> row has them); <see cref="InMemory"/> says which of
    /// those the caller may leave out of its SQL.
    /// </summary>
    public static ClassMembers Of(GraphIndex graph, IEnumerable<CiClass> classes, CiFilter filter)
    {
        var wanted = new bool[graph.Model.Classes.Count];
        foreach (var c in classes) wanted[c.Index] = true;
        var statuses = filter.Statuses is { Count: > 0 } s ? s.ToHashSet() : null;
        var environments = InMemory(filter).Environments is { Count: > 0 } e ? e.Select(graph.EnvironmentIndex).ToHashSet() : null;
        var criticalities = filter.Criticalities is { Count: > 0 } k ? k.ToHashSet() : null; // a CI without one is 0 here: matches none, as NULL in SQL
        var ulids = new List<UInt128>();
        List<int>? named = null;
        var count = graph.NodeCount;
        for (var node = 0; node < count; node++)
        {
            // Most nodes are of other classes: reject them from the flat arrays, without a state object each.
            if (graph.CurrentClassIndex(node) is >= 0 and var known && !wanted[known]) continue;
            if (graph.StateAt(node, int.MaxValue) is not { } state || !wanted[state.ClassIndex]) continue;
            if (statuses is not null && !statuses.Contains(state.Status)) continue;
            if (environments is not null && !environments.Contains(state.EnvironmentIndex)) continue;
            if (criticalities is not null && (state.Criticality == 0 || !criticalities.Contains(state.Criticality))) continue;
            if (graph.TryGetUlid(node, out var ulid)) ulids.Add(ulid);
            else (named ??= []).Add(node);
        }

        if (named is null)
        {
            var sorted = ulids.ToArray();
            Array.Sort(sorted);
            return new ClassMembers(sorted, null);
        }

        var names = ulids.Select(UlidText.Format).Concat(named.Select(graph.CiId)).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return new ClassMembers([], names);
    }

    /// <summary>
    /// The conditions <see cref="Of"/> applies in memory: statuses, criticalities and environments, except an empty
    /// environment name (the index does not tell "" from none, SQL does), which stays in SQL.
    /// </summary>
    public static CiFilter InMemory(CiFilter filter) => new()
    {
        Statuses = filter.Statuses,
        Criticalities = filter.Criticalities,
        Environments = filter.Environments?.Any(string.IsNullOrEmpty) == true ? null : filter.Environments,
    };

    /// <summary>What is left for SQL once <see cref="Of"/> has applied the class and <see cref="InMemory"/> conditions.</summary>
    public static CiFilter ForSql(CiFilter filter)
    {
        var inMemory = InMemory(filter);
        return filter with
        {
            Classes = null,
            Statuses = null,
            Criticalities = null,
            Environments = inMemory.Environments is null ? filter.Environments : null,
        };
    }

    /// <summary>The id at <paramref name="index"/> of the sorted set.</summary>
    public string Id(int index) => _names is not null ? _names[index] : UlidText.Format(_ulids[index]);

    /// <summary>The index of the first id after <paramref name="after"/> (ordinal), or 0 without one.</summary>
    public int IndexAfter(string? after)
    {
        if (after is null) return 0;
        if (_names is null && after.Length == UlidText.Length && UlidText.TryParse(after.AsSpan(), out var value)
            && UlidText.Format(value) == after)
        {
            var at = Array.BinarySearch(_ulids, value);
            return at >= 0 ? at + 1 : ~at;
        }

        // Any other text: compare as strings (a named id, or a cursor from another query).
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Id(mid), after) <= 0) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
