using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>The JSON snapshot of a CI stored in <c>ci_version.doc</c>. Times are unix milliseconds; nulls are left out.</summary>
internal static class CiJson
{
    public static string Write(ConfigurationItem ci, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", ci.Id);
            w.WriteString("class", ci.Class);
            w.WriteString("name", ci.Name);
            w.WriteString("status", StatusText(ci.Status));
            if (ci.Environment is not null) w.WriteString("environment", ci.Environment);
            if (ci.Criticality is { } c) w.WriteNumber("criticality", c);
            if (ci.Owner is not null) w.WriteString("owner", ci.Owner);
            if (ci.SupportGroup is not null) w.WriteString("supportGroup", ci.SupportGroup);
            w.WriteStartArray("tags");
            foreach (var t in ci.Tags) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WritePropertyName("attributes");
            ci.Attributes.WriteTo(w);
            w.WriteStartObject("identifiers");
            foreach (var (k, v) in ci.Identifiers) w.WriteString(k, v);
            w.WriteEndObject();
            if (ci.MinHealthy is { } m) w.WriteNumber("minHealthy", m);
            w.WriteStartObject("provenance");
            foreach (var (field, p) in ci.Provenance)
            {
                w.WriteStartObject(field);
                w.WriteString("source", p.Source);
                w.WriteNumber("at", p.At.ToUnixTimeMilliseconds());
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("sources");
            foreach (var s in ci.Sources)
            {
                w.WriteStartObject();
                w.WriteString("source", s.Source);
                w.WriteNumber("firstSeen", s.FirstSeen.ToUnixTimeMilliseconds());
                w.WriteNumber("lastSeen", s.LastSeen.ToUnixTimeMilliseconds());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("createdAt", ci.CreatedAt.ToUnixTimeMilliseconds());
            w.WriteNumber("updatedAt", ci.UpdatedAt.ToUnixTimeMilliseconds());
            w.WriteNumber("version", ci.Version);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ConfigurationItem Read(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        var identifiers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in o["identifiers"]!.AsObject()) identifiers[k] = v!.GetValue<string>();
        var provenance = new Dictionary<string, AttributeProvenance>(StringComparer.Ordinal);
        foreach (var (k, v) in o["provenance"]!.AsObject())
            provenance[k] = new AttributeProvenance(v!["source"]!.GetValue<string>(), Time(v["at"]));
        var sources = o["sources"]!.AsArray()
            .Select(s => new SourceSighting(s!["source"]!.GetValue<string>(), Time(s["firstSeen"]), Time(s["lastSeen"])))
            .ToArray();
        var attributes = o["attributes"]!.AsObject();
        o.Remove("attributes"); // detach so it can be handed out on its own
        return new ConfigurationItem(
            o["id"]!.GetValue<string>(),
            o["class"]!.GetValue<string>(),
            o["name"]!.GetValue<string>(),
            ParseStatus(o["status"]!.GetValue<string>()),
            o["environment"]?.GetValue<string>(),
            o["criticality"]?.GetValue<int>(),
            o["owner"]?.GetValue<string>(),
            o["supportGroup"]?.GetValue<string>(),
            o["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray(),
            attributes,
            identifiers,
            o["minHealthy"]?.GetValue<int>(),
            provenance,
            sources,
            Time(o["createdAt"]),
            Time(o["updatedAt"]),
            o["version"]!.GetValue<long>());
    }

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
