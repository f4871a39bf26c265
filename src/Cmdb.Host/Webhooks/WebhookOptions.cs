using System.ComponentModel.DataAnnotations;

namespace Cmdb.Host.Webhooks;

/// <summary>
/// Limits and access of <c>POST /webhooks/alertmanager</c> (section <see cref="SectionName"/>, shared with the event
/// label rules). Without a token the webhook answers loopback callers only.
/// </summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Cmdb:Events";

    /// <summary>The bearer token senders must present (Alertmanager: <c>http_config.authorization.credentials</c>).</summary>
    public string? WebhookToken { get; set; }

    /// <summary>A file holding the token (first line), for secrets mounted as files; used when <see cref="WebhookToken"/> is empty.</summary>
    public string? WebhookTokenFile { get; set; }

    /// <summary>The largest body accepted, in bytes. Default 1 MiB (Alertmanager batches are a few KiB).</summary>
    [Range(1024, 64L * 1024 * 1024, ErrorMessage = "Cmdb:Events:WebhookMaxBodyBytes must be between 1024 and 67108864 (64 MiB).")]
    public long WebhookMaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How many webhook calls are stored at once. Default 4.</summary>
    [Range(1, 256, ErrorMessage = "Cmdb:Events:WebhookMaxConcurrent must be between 1 and 256.")]
    public int WebhookMaxConcurrent { get; set; } = 4;

    /// <summary>How many more calls may wait for a slot; beyond that the webhook answers 429. Default 32.</summary>
    [Range(0, 10_000, ErrorMessage = "Cmdb:Events:WebhookQueueLimit must be between 0 and 10000.")]
    public int WebhookQueueLimit { get; set; } = 32;

    /// <summary>The Retry-After of a 429, in seconds. Default 5.</summary>
    [Range(1, 3600, ErrorMessage = "Cmdb:Events:WebhookRetryAfterSeconds must be between 1 and 3600.")]
    public int WebhookRetryAfterSeconds { get; set; } = 5;
}
