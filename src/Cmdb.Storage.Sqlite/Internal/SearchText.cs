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
