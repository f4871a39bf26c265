using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Tests.Support;

/// <summary>Lookups that keep test assertions short.</summary>
internal static class ScopeQueries
{
    public static DiscoveredItem ItemBy(this ScopeResult scope, string scheme, string value) =>
        scope.Items.Single(i => i.Identifiers.TryGetValue(scheme, out var v) && v == value);

    public static DiscoveredItem Named(this ScopeResult scope, string name) => scope.Items.Single(i => i.Name == name);

    public static bool Has(this ScopeResult scope, string type, DiscoveredItem source, DiscoveredItem target) =>
        scope.Relationships.Any(r => r.Type == type && Refers(r.Source, source) && Refers(r.Target, target));

    public static IEnumerable<DiscoveredRelationship> OfType(this ScopeResult scope, string type) => scope.Relationships.Where(r => r.Type == type);

    public static bool Refers(DiscoveredRef r, DiscoveredItem item) => item.Identifiers.TryGetValue(r.Scheme, out var v) && v == r.Value;

    public static string? Attr(this DiscoveredItem item, string name) => item.Attributes?[name]?.ToString();
}
