using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// Reads a <see cref="CiJson"/> snapshot in one forward pass over its UTF-8 text: only the attributes become a
/// <see cref="JsonObject"/>. Building a node for every field cost more than the rest of an unchanged re-import.
/// </summary>
/// <remarks>
/// Discovery reads every CI it updates, so this runs 50k times in a 1M first run: property names are compared as
/// UTF-8 in place (a string per name was a third of what a read allocated), texts that repeat across CIs come from
/// <see cref="SnapshotStrings"/>, and an empty or flat string-valued attribute object is built directly rather than
/// through a parsed document (a copy of the text, its metadata and the document per CI).
/// </remarks>
internal static class CiJsonReader
{
    public static ConfigurationItem Read(ReadOnlySpan<byte> utf8)
    {
        var r = new Utf8JsonReader(utf8);
        Expect(ref r, JsonTokenType.StartObject);
        string? id = null, ciClass = null, name = null, environment = null, owner = null, supportGroup = null;
        CiStatus? status = null;
        int? criticality = null, minHealthy = null;
        long? createdAt = null, updatedAt = null, version = null;
        string[]? tags = null;
        JsonObject? attributes = null;
        SortedIdentifiers? identifiers = null;
        Dictionary<string, AttributeProvenance>? provenance = null;
        SourceSighting[]? sources = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var property = PropertyOf(ref r);
            Next(ref r);
            switch (property)
            {
                case Property.Id: id = r.GetString(); break;
                case Property.Class: ciClass = SnapshotStrings.Get(ref r); break;
                case Property.Name: name = r.GetString(); break;
                case Property.Status: status = StatusOf(ref r); break;
                case Property.Environment: environment = SnapshotStrings.Get(ref r); break;
                case Property.Criticality: criticality = r.GetInt32(); break;
                case Property.Owner: owner = SnapshotStrings.Get(ref r); break;
                case Property.SupportGroup: supportGroup = SnapshotStrings.Get(ref r); break;
                case Property.MinHealthy: minHealthy = r.GetInt32(); break;
                case Property.CreatedAt: createdAt = r.GetInt64(); break;
                case Property.UpdatedAt: updatedAt = r.GetInt64(); break;
                case Property.Version: version = r.GetInt64(); break;
                case Property.Tags: tags = ReadTags(ref r); break;
                case Property.Identifiers: identifiers = ReadIdentifiers(ref r); break;
                case Property.Provenance: provenance = ReadProvenance(utf8, ref r); break;
                case Property.Sources: sources = ReadSources(ref r); break;
                case Property.Attributes: attributes = ReadAttributes(utf8, ref r); break;
                default: r.Skip(); break;
            }
        }

        return new ConfigurationItem(
            id ?? throw Missing("id"), ciClass ?? throw Missing("class"), name ?? throw Missing("name"),
            status ?? throw Missing("status"), environment, criticality, owner, supportGroup,
            tags ?? throw Missing("tags"), attributes ?? throw Missing("attributes"), identifiers ?? throw Missing("identifiers"),
            minHealthy, provenance ?? throw Missing("provenance"), sources ?? throw Missing("sources"),
            Time(createdAt ?? throw Missing("createdAt")), Time(updatedAt ?? throw Missing("updatedAt")), version ?? throw Missing("version"));
    }

    private enum Property
    {
        Other,
        Id,
        Class,
        Name,
        Status,
        Environment,
        Criticality,
        Owner,
        SupportGroup,
        MinHealthy,
        CreatedAt,
        UpdatedAt,
        Version,
        Tags,
        Identifiers,
        Provenance,
        Sources,
        Attributes,
    }

    /// <summary>The snapshot property at the reader, compared as UTF-8 without making its name a string.</summary>
    private static Property PropertyOf(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped || r.HasValueSequence) return PropertyOf(Encoding.UTF8.GetBytes(r.GetString()!));
        return PropertyOf(r.ValueSpan);
    }

    private static Property PropertyOf(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => Property.Id,
        4 when name.SequenceEqual("name"u8) => Property.Name,
        4 when name.SequenceEqual("tags"u8) => Property.Tags,
        5 when name.SequenceEqual("class"u8) => Property.Class,
        5 when name.SequenceEqual("owner"u8) => Property.Owner,
        6 when name.SequenceEqual("status"u8) => Property.Status,
        7 when name.SequenceEqual("version"u8) => Property.Version,
        7 when name.SequenceEqual("sources"u8) => Property.Sources,
        9 when name.SequenceEqual("createdAt"u8) => Property.CreatedAt,
        9 when name.SequenceEqual("updatedAt"u8) => Property.UpdatedAt,
        10 when name.SequenceEqual("minHealthy"u8) => Property.MinHealthy,
        10 when name.SequenceEqual("provenance"u8) => Property.Provenance,
        10 when name.SequenceEqual("attributes"u8) => Property.Attributes,
        11 when name.SequenceEqual("environment"u8) => Property.Environment,
        11 when name.SequenceEqual("criticality"u8) => Property.Criticality,
        11 when name.SequenceEqual("identifiers"u8) => Property.Identifiers,
        12 when name.SequenceEqual("supportGroup"u8) => Property.SupportGroup,
        _ => Property.Other,
    };

    private static CiStatus StatusOf(ref Utf8JsonReader r)
    {
        if (r.ValueTextEquals("active"u8)) return CiStatus.Active;
        if (r.ValueTextEquals("retired"u8)) return CiStatus.Retired;
        if (r.ValueTextEquals("planned"u8)) return CiStatus.Planned;
        if (r.ValueTextEquals("maintenance"u8)) return CiStatus.Maintenance;
        return CiJson.ParseStatus(r.GetString()!); // throws with the unknown text
    }

    /// <summary>
    /// The attributes object: built here when empty or flat with string values (the common case; the same nodes a
    /// writer puts there), else parsed from its text as before (numbers keep their exact text that way). One pass for a
    /// flat object: the nodes are built as it is read, and only an object that turns out not to be flat is read again
    /// from its start (checking flatness first on a copy of the reader tokenized every flat object twice).
    /// </summary>
    private static JsonObject ReadAttributes(ReadOnlySpan<byte> utf8, ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject) throw new InvalidDataException($"A stored CI snapshot has {r.TokenType} where its attributes object belongs.");
        var start = r; // a copy at the object's start, for an object that is not flat
        var attributes = new JsonObject();
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var key = SnapshotStrings.Get(ref r);
            if (Next(ref r) != JsonTokenType.String)
            {
                r = start;
                r.Skip();
                return JsonNode.Parse(utf8[(int)start.TokenStartIndex..(int)r.BytesConsumed])!.AsObject();
            }

            attributes[key] = JsonValue.Create(r.GetString()); // a repeated name (never written) keeps its last value, no exception
        }

        return attributes;
    }

    private static string[] ReadTags(ref Utf8JsonReader r)
    {
        if (Next(ref r) == JsonTokenType.EndArray) return [];
        var tags = new List<string>();
        do tags.Add(SnapshotStrings.Get(ref r));
        while (Next(ref r) != JsonTokenType.EndArray);
        return [.. tags];
    }

    // Into a scratch, then one array (SortedIdentifiers: a snapshot writes them in ordinal order, which it keeps).
    [ThreadStatic]
    private static KeyValuePair<string, string>[]? _identifierScratch;

    private static SortedIdentifiers ReadIdentifiers(ref Utf8JsonReader r)
    {
        var scratch = _identifierScratch ??= new KeyValuePair<string, string>[8];
        var n = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var scheme = SnapshotStrings.Get(ref r);
            Next(ref r);
            if (n == scratch.Length) Array.Resize(ref scratch, 2 * n);
            scratch[n++] = new(scheme, r.GetString()!);
        }

        var identifiers = SortedIdentifiers.Of(scratch.AsSpan(0, n));
        Array.Clear(scratch, 0, n);
        _identifierScratch = scratch;
        return identifiers;
    }

    /// <remarks>
    /// A snapshot holds an entry per field, and a CI's fields were mostly set by one write: entry names are compared in
    /// place, and an entry equal to the previous one shares that (immutable) record and its source string. Strings and
    /// records for every entry were most of what reading the CIs of a discovery run allocated.
    /// <para>
    /// One pass: the entries go to a per-thread scratch first, then into a map sized for them exactly (most CIs have four
    /// to eight entries; a map for eight is a table of eleven slots). Counting them ahead on a copy of the reader
    /// tokenized the provenance twice, and it is about half of a snapshot's text. The previous entry's source is
    /// compared with the next as UTF-8 where it lies in the snapshot, not through its string.
    /// </para>
    /// </remarks>
    private static Dictionary<string, AttributeProvenance> ReadProvenance(ReadOnlySpan<byte> utf8, ref Utf8JsonReader r)
    {
        var scratch = _provenanceScratch ??= new KeyValuePair<string, AttributeProvenance>[16];
        var n = 0;
        AttributeProvenance? previous = null;
        var previousSource = default(Range); // where the previous entry's source lies in utf8, when unescaped
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            var field = SnapshotStrings.Get(ref r);
            Expect(ref r, JsonTokenType.StartObject);
            string? source = null;
            var sourceAt = default(Range);
            long? at = null;
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("source"u8))
                {
                    Next(ref r);
                    source = SourceOf(utf8, ref r, previous, previousSource, out sourceAt);
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
            previousSource = sourceAt;
            if (n == scratch.Length) Array.Resize(ref scratch, 2 * n);
            scratch[n++] = new(field, previous);
        }

        var provenance = new Dictionary<string, AttributeProvenance>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++) provenance[scratch[i].Key] = scratch[i].Value; // a repeated name (never written) keeps its last entry
        Array.Clear(scratch, 0, n);
        _provenanceScratch = scratch;
        return provenance;
    }

    [ThreadStatic]
    private static KeyValuePair<string, AttributeProvenance>[]? _provenanceScratch;

    /// <summary>
    /// The source of a provenance entry: the previous entry's string when the text is the same (compared as UTF-8 in the
    /// snapshot when both are unescaped), else a shared one. <paramref name="at"/> is where this text lies (unescaped only).
    /// </summary>
    private static string SourceOf(ReadOnlySpan<byte> utf8, ref Utf8JsonReader r, AttributeProvenance? previous, Range previousAt, out Range at)
    {
        if (r.TokenType != JsonTokenType.String) throw new InvalidDataException($"A stored CI snapshot has {r.TokenType} where a provenance source belongs.");
        if (r.ValueIsEscaped || r.HasValueSequence)
        {
            at = default;
            return previous is not null && r.ValueTextEquals(previous.Source) ? previous.Source : SnapshotStrings.Get(ref r);
        }

        // The value starts after its opening quote; TokenStartIndex is the quote's position.
        var start = (int)r.TokenStartIndex + 1;
        at = start..(start + r.ValueSpan.Length);
        if (previous is not null && !previousAt.Equals(default(Range)) && r.ValueSpan.SequenceEqual(utf8[previousAt])) return previous.Source;
        return SnapshotStrings.Get(ref r);
    }

    private static SourceSighting[] ReadSources(ref Utf8JsonReader r)
    {
        List<SourceSighting>? sources = null;
        while (Next(ref r) == JsonTokenType.StartObject)
        {
            string? source = null;
            long? first = null, last = null;
            while (Next(ref r) == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("source"u8))
                {
                    Next(ref r);
                    source = SnapshotStrings.Get(ref r);
                }
                else if (r.ValueTextEquals("firstSeen"u8))
                {
                    Next(ref r);
                    first = r.GetInt64();
                }
                else if (r.ValueTextEquals("lastSeen"u8))
                {
                    Next(ref r);
                    last = r.GetInt64();
                }
                else
                {
                    Next(ref r);
                    r.Skip();
                }
            }

            (sources ??= []).Add(new SourceSighting(
                source ?? throw Missing("sources.source"), Time(first ?? throw Missing("sources.firstSeen")), Time(last ?? throw Missing("sources.lastSeen"))));
        }

        return sources is null ? [] : [.. sources];
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
