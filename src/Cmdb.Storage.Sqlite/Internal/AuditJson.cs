using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.History;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>The JSON form of an audit entry's changes: <c>[{"field":…,"before":…,"after":…}]</c>.</summary>
internal static class AuditJson
{
    // Encoded once: every update writes its three names per change (a string name is checked and transcoded per call).
    private static readonly JsonEncodedText FieldName = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText BeforeName = JsonEncodedText.Encode("before");
    private static readonly JsonEncodedText AfterName = JsonEncodedText.Encode("after");

    /// <summary>Writes the changes into <paramref name="buffer"/> and returns the UTF-8 text, valid until the buffer's next use.</summary>
    public static ReadOnlyMemory<byte> Write(IReadOnlyList<FieldChange> changes, Utf8JsonWriter w, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        w.WriteStartArray();
        for (var i = 0; i < changes.Count; i++) // by index: the list's enumerator through the interface is a boxed object per update
        {
            var change = changes[i];
            w.WriteStartObject();
            w.WriteString(FieldName, change.Field);
            w.WritePropertyName(BeforeName);
            WriteNode(w, change.Before);
            w.WritePropertyName(AfterName);
            WriteNode(w, change.After);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Flush();
        return buffer.WrittenMemory;
    }

    /// <summary>
    /// The changes of a new relationship, written straight from its parts. Without attributes (every relationship of a
    /// bulk import) the entry is only the type as a JSON string: source and target are the row's <c>ci_a</c> and
    /// <c>ci_b</c>, and <see cref="Read"/> expands it to the same three changes. That keeps the audit row at a fifth of
    /// its size. With attributes it is the text <see cref="Write"/> gives for type, source, target and attributes.
    /// </summary>
    public static ReadOnlyMemory<byte> WriteRelate(
        string type, string source, string target, JsonObject? attributes, Utf8JsonWriter w, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        if (attributes is not { Count: > 0 })
        {
            w.WriteStringValue(type);
            w.Flush();
            return buffer.WrittenMemory;
        }

        w.WriteStartArray();
        Added(w, "type", type);
        Added(w, "source", source);
        Added(w, "target", target);
        if (attributes is { Count: > 0 })
        {
            w.WriteStartObject();
            w.WriteString("field", "attributes");
            w.WriteNull("before");
            w.WritePropertyName("after");
            attributes.WriteTo(w);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Flush();
        return buffer.WrittenMemory;
    }

    private static void Added(Utf8JsonWriter w, string field, string value)
    {
        w.WriteStartObject();
        w.WriteString("field", field);
        w.WriteNull("before");
        w.WriteString("after", value);
        w.WriteEndObject();
    }

    /// <summary>The changes of an audit row; <paramref name="ciA"/> and <paramref name="ciB"/> are its CI columns.</summary>
    public static IReadOnlyList<FieldChange> Read(string json, string ciA, string? ciB)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.StartsWith('"'))
        {
            // A new relationship without attributes (see WriteRelate): its type; source and target are ci_a and ci_b.
            return
            [
                new FieldChange("type", null, JsonValue.Create(JsonNode.Parse(json)!.GetValue<string>())),
                new FieldChange("source", null, JsonValue.Create(ciA)),
                new FieldChange("target", null, JsonValue.Create(ciB)),
            ];
        }

        var array = JsonNode.Parse(json)!.AsArray();
        var changes = new FieldChange[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            var o = array[i]!.AsObject();
            var before = o["before"];
            var after = o["after"];
            o.Remove("before");
            o.Remove("after");
            changes[i] = new FieldChange(o["field"]!.GetValue<string>(), before, after);
        }

        return changes;
    }

    private static void WriteNode(Utf8JsonWriter w, JsonNode? node)
    {
        if (node is null) w.WriteNullValue();
        else node.WriteTo(w);
    }
}
