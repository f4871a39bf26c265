namespace Cmdb.Domain.Events;

/// <summary>
/// One monitoring alert as last reported, de-duplicated by (source, fingerprint). <see cref="CiId"/> is null when no
/// label rule mapped it to a CI; such events are kept and listed as unmapped.
/// </summary>
public sealed record MonitoringEvent(
    string Id,
    string Fingerprint,
    string Source,
    string Name,
    string? Severity,
    EventStatus Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset LastReceivedAt,
    string? CiId,
    string? MappedBy)
{
    /// <summary>True when the event was firing at <paramref name="at"/> as far as is known now.</summary>
    public bool FiringAt(DateTimeOffset at) => StartsAt <= at && (EndsAt is null || at < EndsAt);
}
