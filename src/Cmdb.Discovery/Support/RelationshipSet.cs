using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Support;

/// <summary>Collects relationships once each (the same edge can be seen several times) and drops self-loops.</summary>
internal sealed class RelationshipSet
{
    private readonly List<DiscoveredRelationship> _list = [];
    private readonly HashSet<(string, DiscoveredRef, DiscoveredRef)> _seen = [];

    public void Add(string type, DiscoveredRef source, DiscoveredRef target, System.Text.Json.Nodes.JsonObject? attributes = null)
    {
        if (source == target || !_seen.Add((type, source, target))) return;
        _list.Add(new DiscoveredRelationship(type, source, target, attributes));
    }

    public IReadOnlyList<DiscoveredRelationship> ToList() => _list.ToArray();
}
