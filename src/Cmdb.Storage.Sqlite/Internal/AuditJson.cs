using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.History;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>The JSON form of an audit entry's changes: <c>[{"field":…,"before":…,"after":…}]</c>.</summary>
internal static class AuditJson
{
    public static string Write(IReadOnlyList<FieldChange> changes, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer))
        {
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
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
