using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>What of a CI's attributes goes into the search index: every scalar value, nested ones included.</summary>
internal static class SearchText
{
    public static string AttributeValues(JsonObject attributes)
    {
        if (attributes.Count == 0) return string.Empty;
        var sb = new StringBuilder();
        Append(sb, attributes);
        return sb.ToString();
    }

    /// <summary><see cref="AttributeValues(JsonObject)"/> of an object holding these pairs, in this order.</summary>
    public static string AttributeValues(ReadOnlySpan<KeyValuePair<string, JsonNode?>> attributes)
    {
        if (attributes.IsEmpty) return string.Empty;
        var sb = new StringBuilder();
        foreach (var (_, value) in attributes) Append(sb, value);
        return sb.ToString();
    }

    /// <summary>
    /// Appends <see cref="AttributeValues(ReadOnlySpan{KeyValuePair{string, JsonNode}})"/>'s text, as UTF-8, to the text
    /// value <paramref name="row"/> is building, without making the string (a new CI's search row in a bulk import).
    /// </summary>
    public static void AppendAttributeValues(StepTape row, ReadOnlySpan<KeyValuePair<string, JsonNode?>> attributes)
    {
        foreach (var (_, value) in attributes) Append(row, value);
    }

    private static void Append(StepTape row, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o) Append(row, child);
                break;
            case JsonArray a:
                foreach (var child in a) Append(row, child);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                row.AppendText(v.GetValue<string>());
                row.AppendByte((byte)' ');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                row.AppendText(v.ToJsonString());
                row.AppendByte((byte)' ');
                break;
            case JsonValue v:
                row.AppendText(v.ToString().ToLower(CultureInfo.InvariantCulture));
                row.AppendByte((byte)' ');
                break;
        }
    }

    private static void Append(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o) Append(sb, child);
                break;
            case JsonArray a:
                foreach (var child in a) Append(sb, child);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                sb.Append(v.GetValue<string>()).Append(' ');
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                sb.Append(v.ToJsonString()).Append(' ');
                break;
            case JsonValue v:
                sb.Append(v.ToString().ToLower(CultureInfo.InvariantCulture)).Append(' ');
                break;
        }
    }
}
