using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using static Cmdb.Storage.Sqlite.Internal.CiJsonNames;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>The JSON snapshot of a CI stored in <c>ci_version.doc</c>. Times are unix milliseconds; nulls are left out.</summary>
internal static class CiJson
{
    /// <summary>
    /// Writes the snapshot through <paramref name="w"/> (reset onto <paramref name="buffer"/>) and returns its UTF-8
    /// text, valid until the buffer's next use.
    /// </summary>
    public static ReadOnlyMemory<byte> Write(ConfigurationItem ci, Utf8JsonWriter w, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        w.WriteStartObject();
        w.WriteString(IdName, ci.Id);
        w.WriteString(ClassName, ci.Class);
        w.WriteString(NameName, ci.Name);
        w.WriteString(StatusName, StatusText(ci.Status));
        if (ci.Environment is not null) w.WriteString(EnvironmentName, ci.Environment);
        if (ci.Criticality is { } c) w.WriteNumber(CriticalityName, c);
        if (ci.Owner is not null) w.WriteString(OwnerName, ci.Owner);
        if (ci.SupportGroup is not null) w.WriteString(SupportGroupName, ci.SupportGroup);
        // Lists by index, the identifiers as their array and the provenance through its struct enumerator: walked through
        // the interfaces, every rewritten CI boxed an enumerator per collection (discovery's updates write one snapshot each).
        w.WriteStartArray(TagsName);
        for (var i = 0; i < ci.Tags.Count; i++) w.WriteStringValue(ci.Tags[i]);
        w.WriteEndArray();
        w.WritePropertyName(AttributesName);
        ci.Attributes.WriteTo(w);
        w.WriteStartObject(IdentifiersName);
        if (ci.Identifiers is SortedIdentifiers sorted)
        {
            foreach (var (k, v) in sorted.Pairs) w.WriteString(k, v); // no enumerator at all (a SortedDictionary's allocated a stack)
        }
        else
        {
            foreach (var (k, v) in ci.Identifiers) w.WriteString(k, v);
        }

        w.WriteEndObject();
        if (ci.MinHealthy is { } m) w.WriteNumber(MinHealthyName, m);
        w.WriteStartObject(ProvenanceName);
        if (ci.Provenance is Dictionary<string, AttributeProvenance> provenance)
        {
            foreach (var (field, p) in provenance) WriteProvenance(w, field, p);
        }
        else
        {
            foreach (var (field, p) in ci.Provenance) WriteProvenance(w, field, p);
        }

        w.WriteEndObject();
        w.WriteStartArray(SourcesName);
        for (var i = 0; i < ci.Sources.Count; i++)
        {
            var s = ci.Sources[i];
            w.WriteStartObject();
            w.WriteString(SourceName, s.Source);
            w.WriteNumber(FirstSeenName, s.FirstSeen.ToUnixTimeMilliseconds());
            w.WriteNumber(LastSeenName, s.LastSeen.ToUnixTimeMilliseconds());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber(CreatedAtName, ci.CreatedAt.ToUnixTimeMilliseconds());
        w.WriteNumber(UpdatedAtName, ci.UpdatedAt.ToUnixTimeMilliseconds());
        w.WriteNumber(VersionName, ci.Version);
        w.WriteEndObject();
        w.Flush();
        return buffer.WrittenMemory;
    }

    private static void WriteProvenance(Utf8JsonWriter w, string field, AttributeProvenance p)
    {
        w.WriteStartObject(field);
        w.WriteString(SourceName, p.Source);
        w.WriteNumber(AtName, p.At.ToUnixTimeMilliseconds());
        w.WriteEndObject();
    }

    public static ConfigurationItem Read(string json) => CiJsonReader.Read(Encoding.UTF8.GetBytes(json));

    public static string StatusText(CiStatus status) => status switch
    {
        CiStatus.Planned => "planned",
        CiStatus.Active => "active",
        CiStatus.Maintenance => "maintenance",
        _ => "retired",
    };

    public static CiStatus ParseStatus(string text) => text switch
    {
        "planned" => CiStatus.Planned,
        "active" => CiStatus.Active,
        "maintenance" => CiStatus.Maintenance,
        "retired" => CiStatus.Retired,
        _ => throw new InvalidDataException($"Stored CI status '{text}' is unknown."),
    };

    private static DateTimeOffset Time(JsonNode? ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms!.GetValue<long>());
}
