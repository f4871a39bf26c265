using System.Text.Json.Nodes;

namespace Cmdb.Discovery.Contract;

/// <summary>A typed relationship between two discovered items (a name from <c>WellKnown.RelationshipTypes</c>).</summary>
public sealed record DiscoveredRelationship(
    string Type,
    DiscoveredRef Source,
    DiscoveredRef Target,
    JsonObject? Attributes = null);
