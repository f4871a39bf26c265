using Cmdb.Discovery.Framework;
using Cmdb.Domain.Errors;

namespace Cmdb.Discovery.Scheduling;

/// <summary>Finds a configured source by the name a caller gave, with the errors a person can act on.</summary>
internal static class SourceLookup
{
    public static DiscoverySourceInfo Find(IDiscoveryService discovery, string? sourceName)
    {
        if (string.IsNullOrWhiteSpace(sourceName)) throw CmdbException.Invalid("source must name a configured discovery source; it is empty.", "source");
        var name = sourceName.Trim();
        return discovery.Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw CmdbException.NotFound(discovery.Sources.Count == 0
                ? $"There is no discovery source named '{name}': none is configured (Cmdb:Discovery:Sources)."
                : $"There is no discovery source named '{name}'. Configured: {string.Join(", ", discovery.Sources.Select(s => s.Name))}.");
    }

    /// <summary>True when the source runs on a schedule: enabled, with a cron expression or an interval.</summary>
    public static bool IsScheduled(DiscoverySourceInfo source) =>
        source.Enabled && (!string.IsNullOrWhiteSpace(source.Schedule) || source.Interval is { Ticks: > 0 });
}
