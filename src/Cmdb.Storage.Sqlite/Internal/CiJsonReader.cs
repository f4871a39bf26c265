using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Reads a <see cref="CiJson"/> snapshot in one forward pass over its UTF-8 text: only the attributes become a
/// <see cref="JsonObject"/>. Building a node for every field cost more than the rest of an unchanged re-import.
/// </summary>
internal static class CiJsonReader
{
    public static ConfigurationItem Read(ReadOnlySpan<byte> utf8)
    {
        var r = new Utf8JsonReader(utf8);
        Expect(ref r, JsonTokenType.StartObject);
        string? id = null, ciClass = null, name = null, status = null, environment = null, owner = null, supportGroup = null;
        int? criticality = null, minHealthy = null;
        long? createdAt = null, updatedAt = null, version = null;
        string[]? tags = null;
        JsonObject? attributes = null;
        SortedDictionary<string, string>? identifiers = null;
        Dictionary<string, AttributeProvenance>? provenance = null;
        List<SourceSighting>? sources = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var property = r.GetString();
            Next(ref r);
            switch (property)
            {
                case "id": id = r.GetString(); break;
                case "class": ciClass = r.GetString(); break;
                case "name": name = r.GetString(); break;
                case "status": status = r.GetString(); break;
                case "environment": environment = r.GetString(); break;
                case "criticality": criticality = r.GetInt32(); break;
                case "owner": owner = r.GetString(); break;
                case "supportGroup": supportGroup = r.GetString(); break;
                case "minHealthy": minHealthy = r.GetInt32(); break;
                case "createdAt": createdAt = r.GetInt64(); break;
                case "updatedAt": updatedAt = r.GetInt64(); break;
                case "version": version = r.GetInt64(); break;
                case "tags": tags = ReadTags(ref r); break;
                case "identifiers": identifiers = ReadIdentifiers(ref r); break;
                case "provenance": provenance = ReadProvenance(ref r); break;
                case "sources": sources = ReadSources(ref r); break;
                case "attributes":
                    var start = (int)r.TokenStartIndex;
                    r.Skip();
                    attributes = JsonNode.Parse(utf8[start..(int)r.BytesConsumed])!.AsObject();
                    break;
                default: r.Skip(); break;
            }
        }

        return new ConfigurationItem(
            id ?? throw Missing("id"), ciClass ?? throw Missing("class"), name ?? throw Missing("name"),
            CiJson.ParseStatus(status ?? throw Missing("status")), environment, criticality, owner, supportGroup,
            tags ?? throw Missing("tags"), attributes ?? throw Missing("attributes"), identifiers ?? throw Missing("identifiers"),
            minHealthy, provenance ?? throw Missing("provenance"), (sources ?? throw Missing("sources")).ToArray(),
            Time(createdAt ?? throw Missing("createdAt")), Time(updatedAt ?? throw Missing("updatedAt")), version ?? throw Missing("version"));
    }

    private static string[] ReadTags(ref Utf8JsonReader r)
    {
        var tags = new List<string>();
        while (Next(ref r) != JsonTokenType.EndArray) tags.Add(r.GetString()!);
        return [.. tags];
    }

    private static SortedDictionary<string, string> ReadIdentifiers(ref Utf8JsonReader r)
    {
        var identifiers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var scheme = r.GetString()!;
            Next(ref r);
            identifiers[scheme] = r.GetString()!;
        }

        return identifiers;
    }

    /// <remarks>
    /// A snapshot holds an entry per field, and a CI's fields were mostly set by one write: entry names are compared in
    /// place, and an entry equal to the previous one shares that (immutable) record and its source string. Strings and
    /// records for every entry were most of what reading the CIs of a discovery run allocated.
    /// </remarks>
    private static Dictionary<string, AttributeProvenance> ReadProvenance(ref Utf8JsonReader r)
    {
        var provenance = new Dictionary<string, AttributeProvenance>(8, StringComparer.Ordinal);
        AttributeProvenance? previous = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var field = r.GetString()!;
            Expect(ref r, JsonTokenType.StartObject);
            string? source = null;
            long? at = null;
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("source"u8))
                {
                    Next(ref r);
                    source = previous is not null && r.ValueTextEquals(previous.Source) ? previous.Source : r.GetString();
                }
                else if (r.ValueTextEquals("at"u8))
                {
                    Next(ref r);
                    at = r.GetInt64();
                }
                else
                {
                    Next(ref r);
                    r.Skip();
                }
            }

            var from = source ?? throw Missing("provenance.source");
            var time = Time(at ?? throw Missing("provenance.at"));
            if (previous is null || !ReferenceEquals(previous.Source, from) || previous.At != time) previous = new AttributeProvenance(from, time);
            provenance[field] = previous;
        }

        return provenance;
    }

    private static List<SourceSighting> ReadSources(ref Utf8JsonReader r)
    {
        var sources = new List<SourceSighting>();
        while (Next(ref r) == JsonTokenType.StartObject)
        {
            string? source = null;
            long? first = null, last = null;
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                var property = r.GetString();
                Next(ref r);
                switch (property)
                {
                    case "source": source = r.GetString(); break;
                    case "firstSeen": first = r.GetInt64(); break;
                    case "lastSeen": last = r.GetInt64(); break;
                    default: r.Skip(); break;
                }
            }

            sources.Add(new SourceSighting(
                source ?? throw Missing("sources.source"), Time(first ?? throw Missing("sources.firstSeen")), Time(last ?? throw Missing("sources.lastSeen"))));
        }

        return sources;
    }

    private static JsonTokenType Next(ref Utf8JsonReader r) =>
        r.Read() ? r.TokenType : throw new InvalidDataException("A stored CI snapshot ends too early.");

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (Next(ref r) != type) throw new InvalidDataException($"A stored CI snapshot has {r.TokenType} where {type} belongs.");
    }

    private static InvalidDataException Missing(string field) => new($"A stored CI snapshot lacks '{field}'.");

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
