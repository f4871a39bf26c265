using Cmdb.Domain.Graph;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Current identifier to CI id, in memory, so identification needs no query per record. Only the writer touches
/// it, after each commit (and start-up, before the store opens).
/// </summary>
/// <remarks>
/// A holder is kept as its node in the <see cref="GraphIndex"/> (4 bytes), not as its id string: the index holds ids
/// as 16-byte values, so keeping strings here would cost a 26-character string per CI again. A holder the index does
/// not know (never expected: the writer publishes nodes before identifiers) keeps its string.
/// </remarks>
internal sealed class IdentifierMap
{
    private readonly Dictionary<(string Scheme, string Value), int> _nodes = [];
    private readonly Dictionary<(string Scheme, string Value), string> _unindexed = [];
    private GraphIndex? _graph;

    public int Count => _nodes.Count + _unindexed.Count;

    /// <summary>Start-up: the index whose nodes the map names from now on; forgets what it held.</summary>
    public void Bind(GraphIndex graph)
    {
        _graph = graph;
        _nodes.Clear();
        _unindexed.Clear();
    }

    /// <summary>Start-up: room for <paramref name="count"/> identifiers, so a million-entry load does not rehash on the way.</summary>
    public void EnsureCapacity(int count) => _nodes.EnsureCapacity(count);

    /// <summary>
    /// A batch's publish: room for <paramref name="more"/> identifiers beyond those held, growing by at least a quarter
    /// when it must grow. Growing to the exact count made every later batch of new CIs rehash the whole map (about a
    /// tenth of a second per batch at 1M identifiers).
    /// </summary>
    public void Reserve(int more)
    {
        var needed = _nodes.Count + more;
        var capacity = Capacity;
        if (needed > capacity) _nodes.EnsureCapacity(Math.Max(needed, capacity + (capacity / 4)));
    }

    /// <summary>How many node-held identifiers fit before the map rehashes.</summary>
    internal int Capacity => _nodes.EnsureCapacity(0);

    /// <summary>The CI holding the identifier now (a new string), or null.</summary>
    public string? HolderOf(string scheme, string value) =>
        _nodes.TryGetValue((scheme, value), out var node) ? _graph!.CiId(node) : _unindexed.GetValueOrDefault((scheme, value));

    /// <summary>The node of the CI holding the identifier now, without making its id string; false when none (or only an unindexed holder) holds it.</summary>
    public bool TryGetNode(string scheme, string value, out int node) => _nodes.TryGetValue((scheme, value), out node);

    public void Set(string scheme, string value, string ciId)
    {
        if (_graph is { } graph && graph.TryGetNode(ciId, out var node))
        {
            Set(scheme, value, node);
            return;
        }

        _nodes.Remove((scheme, value));
        _unindexed[(scheme, value)] = ciId;
    }

    /// <summary>Sets the holder by its node in the bound index.</summary>
    public void Set(string scheme, string value, int node)
    {
        _nodes[(scheme, value)] = node;
        if (_unindexed.Count > 0) _unindexed.Remove((scheme, value)); // almost always empty: skip hashing the pair again
    }

    public void Remove(string scheme, string value)
    {
        _nodes.Remove((scheme, value));
        _unindexed.Remove((scheme, value));
    }
}
