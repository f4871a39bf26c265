namespace Cmdb.Domain.Events;

/// <summary>
/// What a sender reports about one alert. Without a fingerprint one is derived from source and sorted labels (as
/// Alertmanager does). <see cref="CiId"/> maps the event directly; otherwise the label rules do.
/// </summary>
public sealed record EventInput(
    string Source,
    EventStatus Status,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset StartsAt,
    IReadOnlyDictionary<string, string>? Annotations = null,
    DateTimeOffset? EndsAt = null,
    string? Fingerprint = null,
    string? Name = null,
    string? Severity = null,
    string? CiId = null);
