namespace Cmdb.Discovery.Framework;

/// <summary>A configured source as the API shows it: no settings, no credentials.</summary>
/// <param name="Name">Unique name from configuration (the key under <c>Cmdb:Discovery:Sources</c>).</param>
/// <param name="Kind">Which built-in source (e.g. <c>terraform</c>).</param>
/// <param name="Schedule">Cron expression, or null when the source runs on <paramref name="Interval"/>.</param>
/// <param name="Interval">Fixed interval, or null when it runs on a cron schedule.</param>
/// <param name="Enabled">False: configured but never scheduled (manual runs still work).</param>
/// <param name="Timeout">How long one run may take before it is cancelled and recorded as failed.</param>
public sealed record DiscoverySourceInfo(string Name, string Kind, string? Schedule, TimeSpan? Interval, bool Enabled, TimeSpan Timeout);
