using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.History;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>The JSON form of an audit entry's changes: <c>[{"field":…,"before":…,"after":…}]</c>.</summary>
internal static class AuditJson
{
    /// <summary>Writes the changes into <paramref name="buffer"/> and returns the UTF-8 text, valid until the buffer's next use.</summary>
    public static ReadOnlyMemory<byte> Write(IReadOnlyList<FieldChange> changes, Utf8JsonWriter w, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
        w.WriteStartArray();
        foreach (var change in changes)
        {
            w.WriteStartObject();
            w.WriteString("field", change.Field);
            w.WritePropertyName("before");
            WriteNode(w, change.Before);
            w.WritePropertyName("after");
            WriteNode(w, change.After);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.Flush();
        return buffer.WrittenMemory;
    }

    /// <summary>
    /// The changes of a new relationship, written straight from its parts: the same text <see cref="Write"/> gives for
    /// type, source, target (and attributes when it has any), without building a change list per relationship.
    /// </summary>
    public static ReadOnlyMemory<byte> WriteRelate(
        string type, string source, string target, JsonObject? attributes, Utf8JsonWriter w, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        w.Reset(buffer);
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

    public static IReadOnlyList<FieldChange> Read(string json)
    {
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
