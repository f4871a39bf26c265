using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>Small SQL fragments shared by the readers.</summary>
internal static class SqlText
{
    /// <summary>The row of <paramref name="alias"/> was valid at commit <c>$seq</c>.</summary>
    public static string ValidAt(string alias) =>
        $"{alias}.valid_from_seq <= $seq AND ({alias}.valid_to_seq IS NULL OR {alias}.valid_to_seq > $seq)";

    /// <summary>A JSON array of strings, for <c>json_each</c>: one parameter carries a whole batch of keys.</summary>
    public static string JsonArray(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
