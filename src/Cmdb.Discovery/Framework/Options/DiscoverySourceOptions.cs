using Microsoft.Extensions.Configuration;

namespace Cmdb.Discovery.Framework.Options;

/// <summary>One source under <c>Cmdb:Discovery:Sources:NAME</c>.</summary>
public sealed class DiscoverySourceOptions
{
    /// <summary>Which built-in source: <c>local-host</c>, <c>terraform</c>, <c>kubernetes</c>, <c>compose</c>, <c>bulk-folder</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Quartz cron expression (seconds first, e.g. <c>0 0/15 * * * ?</c>); exclusive with <see cref="Interval"/>.</summary>
    public string? Schedule { get; set; }

    /// <summary>Fixed interval between runs; exclusive with <see cref="Schedule"/>.</summary>
    public TimeSpan? Interval { get; set; }

    /// <value>True.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How long one run may take; then it is cancelled and recorded as failed.</summary>
    /// <value>5 minutes.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <value>2.</value>
    public int Retries { get; set; } = 2;

    /// <summary>
    /// The kind's own options (e.g. <c>States</c> for terraform). Secrets are never written here: a setting names an
    /// environment variable or a file that holds them, and settings are never returned by the API.
    /// </summary>
    public IConfigurationSection? Settings { get; set; }
}
