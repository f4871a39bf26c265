using Cmdb.Domain.Errors;
using Cmdb.Domain.Events;

namespace Cmdb.GraphQL.Incidents;

/// <summary>The GraphQL shape of an <see cref="EventInput"/>.</summary>
public sealed class EventInputModel
{
    public string Source { get; set; } = "graphql";
    public EventStatus Status { get; set; }
    public IReadOnlyList<LabelInput> Labels { get; set; } = [];
    public IReadOnlyList<LabelInput>? Annotations { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public string? Fingerprint { get; set; }
    public string? Name { get; set; }
    public string? Severity { get; set; }
    public string? CiId { get; set; }

    public EventInput ToInput(DateTimeOffset now, string path) => new(
        Source, Status, ToMap(Labels, $"{path}.labels"), StartsAt ?? now, Annotations is null ? null : ToMap(Annotations, $"{path}.annotations"),
        EndsAt, Fingerprint, Name, Severity, CiId);

    private static Dictionary<string, string> ToMap(IReadOnlyList<LabelInput> labels, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var l in labels)
        {
            if (!map.TryAdd(l.Name, l.Value)) throw CmdbException.Invalid($"The name '{l.Name}' is given twice.", path);
        }

        return map;
    }
}
