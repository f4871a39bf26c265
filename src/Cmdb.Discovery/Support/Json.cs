using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Discovery.Contract;

namespace Cmdb.Discovery.Support;

/// <summary>Lenient reads of optional JSON fields: absent, null, empty or mistyped values are all "not known" (null).</summary>
internal static class Json
{
    /// <summary>Parses a whole input; malformed or truncated JSON names the line and position.</summary>
    public static JsonDocument Parse(string input, string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new DiscoveryFormatException(
                input, $"not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1} (is the file truncated?).", e);
        }
    }

    public static JsonElement? Get(JsonElement e, params string[] path)
    {
        var current = e;
        foreach (var step in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current)) return null;
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    public static string? Str(JsonElement e, params string[] path) =>
        Get(e, path) is { ValueKind: JsonValueKind.String } v && v.GetString() is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : null;

    /// <summary>A scalar (string, number, boolean) as text; null for anything else.</summary>
    public static string? Scalar(JsonElement e, params string[] path) => Get(e, path) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString() is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s : null,
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static int? Int(JsonElement e, params string[] path) =>
        Get(e, path) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : null;

    public static bool? Bool(JsonElement e, params string[] path) => Get(e, path)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static IEnumerable<JsonElement> Array(JsonElement e, params string[] path) =>
        Get(e, path) is { ValueKind: JsonValueKind.Array } v ? v.EnumerateArray() : [];

    /// <summary>A string-to-string map (labels, tags, selectors); non-string values are skipped.</summary>
    public static SortedDictionary<string, string> StringMap(JsonElement e, params string[] path)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Get(e, path) is not { ValueKind: JsonValueKind.Object } v) return map;
        foreach (var p in v.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String) map[p.Name] = p.Value.GetString()!;
        }

        return map;
    }

    public static JsonObject? ToObject(IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0) return null;
        var o = new JsonObject();
        foreach (var (k, v) in map) o[k] = v;
        return o;
    }

    public static JsonArray? ToArray(IEnumerable<string> values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(v);
        return a.Count == 0 ? null : a;
    }

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
