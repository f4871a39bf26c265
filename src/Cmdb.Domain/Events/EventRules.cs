using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Events;

/// <summary>Limits on ingested events. A batch with one bad event is refused whole, naming the event.</summary>
public static class EventRules
{
    public const int MaxBatch = 1000;
    public const int MaxLabels = 64;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 2048;
    public const int MaxAnnotationValueLength = 10_000;
    public const int MaxFingerprintLength = 128;

    public static void Validate(IReadOnlyList<EventInput> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) throw CmdbException.Invalid("Send at least one event.", "events");
        if (events.Count > MaxBatch)
            throw CmdbException.Invalid($"At most {MaxBatch} events can be sent at once; got {events.Count}.", "events");
        for (var i = 0; i < events.Count; i++) Validate(events[i], $"events[{i}]");
    }

    private static void Validate(EventInput e, string path)
    {
        if (e is null) throw CmdbException.Invalid("The event is missing.", path);
        if (string.IsNullOrWhiteSpace(e.Source) || e.Source.Length > MaxKeyLength)
            throw CmdbException.Invalid($"An event needs a source of 1 to {MaxKeyLength} characters.", $"{path}.source");
        if (!Enum.IsDefined(e.Status)) throw CmdbException.Invalid("The status must be FIRING or RESOLVED.", $"{path}.status");
        if (e.Labels is null || e.Labels.Count == 0)
            throw CmdbException.Invalid("An event needs at least one label (e.g. alertname).", $"{path}.labels");
        Map(e.Labels, MaxValueLength, $"{path}.labels");
        if (e.Annotations is not null) Map(e.Annotations, MaxAnnotationValueLength, $"{path}.annotations");
        if (e.EndsAt is { } end && end < e.StartsAt)
            throw CmdbException.Invalid($"The event ends ({end:O}) before it starts ({e.StartsAt:O}).", $"{path}.endsAt");
        if (e.Fingerprint is not null && (string.IsNullOrWhiteSpace(e.Fingerprint) || e.Fingerprint.Length > MaxFingerprintLength))
            throw CmdbException.Invalid($"A fingerprint must be 1 to {MaxFingerprintLength} characters.", $"{path}.fingerprint");
        if (e.Name is { Length: > MaxValueLength }) throw CmdbException.Invalid("The name is too long.", $"{path}.name");
        if (e.Severity is { Length: > MaxKeyLength }) throw CmdbException.Invalid("The severity is too long.", $"{path}.severity");
        if (e.CiId is not null && string.IsNullOrWhiteSpace(e.CiId)) throw CmdbException.Invalid("The ciId is empty.", $"{path}.ciId");
    }

    private static void Map(IReadOnlyDictionary<string, string> map, int maxValue, string path)
    {
        if (map.Count > MaxLabels) throw CmdbException.Invalid($"At most {MaxLabels} entries are allowed; got {map.Count}.", path);
        foreach (var (k, v) in map)
        {
            if (string.IsNullOrWhiteSpace(k) || k.Length > MaxKeyLength)
                throw CmdbException.Invalid($"Every name must be 1 to {MaxKeyLength} characters.", path);
            if (v is null || v.Length > maxValue)
                throw CmdbException.Invalid($"The value of '{k}' must be present and at most {maxValue} characters.", $"{path}.{k}");
        }
    }
}
