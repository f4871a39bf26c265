using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using static Cmdb.Storage.Sqlite.Internal.CiJsonNames;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// A new CI's version-1 snapshot, written straight from the write's fields: byte for byte what <see cref="CiJson.Write"/>
/// writes for <see cref="CiMerge.Create(Cmdb.Domain.Model.ModelCatalog, Cmdb.Domain.Model.CiClass, string, CiFields, AttributeProvenance, string?)"/>'s
/// CI, without building that CI (a copy of every attribute node, a provenance dictionary with a key string per field, a
/// sorted identifier dictionary), which was a large share of a bulk import's allocations and so of its collections.
/// </summary>
/// <remarks>
/// The checks stay <see cref="CiMerge.CheckCreate"/>'s, the same as Create's. Every provenance entry of a creation is
/// the batch's one stamp, so its JSON is written once per batch (<see cref="Stamp"/>) and copied per field.
/// </remarks>
internal static class CreationDoc
{
    /// <summary>The JSON of one provenance entry, <c>{"source":…,"at":…}</c>, as <see cref="CiJson.Write"/> writes it.</summary>
    public static byte[] Stamp(AttributeProvenance stamp)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString(SourceName, stamp.Source);
            w.WriteNumber(AtName, stamp.At.ToUnixTimeMilliseconds());
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes the snapshot through <paramref name="w"/> (reset onto <paramref name="buffer"/>); valid until the buffer's
    /// next use. <paramref name="attributes"/> are the non-null ones in ordinal order, <paramref name="identifiers"/> in
    /// ordinal order, <paramref name="tags"/> distinct and ordered (<see cref="CiMerge.Create(Cmdb.Domain.Model.ModelCatalog, Cmdb.Domain.Model.CiClass, string, CiFields, AttributeProvenance, string?)"/>'s).
    /// </summary>
    public static ReadOnlyMemory<byte> Write(
        Utf8JsonWriter w, ArrayBufferWriter<byte> buffer, string id, string className, CiFields f, ReadOnlySpan<string> tags,
        ReadOnlySpan<KeyValuePair<string, JsonNode?>> attributes, ReadOnlySpan<KeyValuePair<string, string>> identifiers,
        ReadOnlySpan<byte> stamp, long atMs, ProvenanceNames names)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        w.WriteStartObject();
        w.WriteString(IdName, id);
        w.WriteString(ClassName, className);
        w.WriteString(NameName, f.Name);
        w.WriteString(StatusName, CiJson.StatusText(f.Status ?? CiStatus.Active));
        if (f.Environment is not null) w.WriteString(EnvironmentName, f.Environment);
        if (f.Criticality is { } c) w.WriteNumber(CriticalityName, c);
        if (f.Owner is not null) w.WriteString(OwnerName, f.Owner);
        if (f.SupportGroup is not null) w.WriteString(SupportGroupName, f.SupportGroup);
        w.WriteStartArray(TagsName);
        foreach (var t in tags) w.WriteStringValue(t); // a span: no enumerator object
        w.WriteEndArray();
        w.WriteStartObject(AttributesName);
        foreach (var (key, value) in attributes)
        {
            w.WritePropertyName(key);
            value!.WriteTo(w);
        }

        w.WriteEndObject();
        w.WriteStartObject(IdentifiersName);
        foreach (var (k, v) in identifiers) w.WriteString(k, v);
        w.WriteEndObject();
        if (f.MinHealthy is { } m) w.WriteNumber(MinHealthyName, m);
        WriteProvenance(w, f, !tags.IsEmpty, attributes, identifiers, stamp, names);
        w.WriteStartArray(SourcesName);
        w.WriteEndArray();
        w.WriteNumber(CreatedAtName, atMs);
        w.WriteNumber(UpdatedAtName, atMs);
        w.WriteNumber(VersionName, 1L);
        w.WriteEndObject();
        w.Flush();
        return buffer.WrittenMemory;
    }

    // In CiMerge.Create's order: the scalar fields, tags, attributes, identifiers.
    private static void WriteProvenance(
        Utf8JsonWriter w, CiFields f, bool tags, ReadOnlySpan<KeyValuePair<string, JsonNode?>> attributes,
        ReadOnlySpan<KeyValuePair<string, string>> identifiers, ReadOnlySpan<byte> stamp, ProvenanceNames names)
    {
        w.WriteStartObject(ProvenanceName);
        Entry(w, NameName, stamp);
        if (f.Status is not null) Entry(w, StatusName, stamp);
        if (f.Environment is not null) Entry(w, EnvironmentName, stamp);
        if (f.Criticality is not null) Entry(w, CriticalityName, stamp);
        if (f.Owner is not null) Entry(w, OwnerName, stamp);
        if (f.SupportGroup is not null) Entry(w, SupportGroupName, stamp);
        if (f.MinHealthy is not null) Entry(w, MinHealthyName, stamp);
        if (tags) Entry(w, TagsName, stamp);
        foreach (var (key, _) in attributes) Entry(w, names.Attribute(key), stamp);
        foreach (var (scheme, _) in identifiers) Entry(w, names.Identifier(scheme), stamp);
        w.WriteEndObject();
    }

    private static void Entry(Utf8JsonWriter w, JsonEncodedText field, ReadOnlySpan<byte> stamp)
    {
        w.WritePropertyName(field);
        w.WriteRawValue(stamp, skipInputValidation: true);
    }
}
