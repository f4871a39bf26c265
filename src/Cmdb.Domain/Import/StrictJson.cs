using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;

namespace Cmdb.Domain.Import;

/// <summary>
/// Strict reads from a parsed JSON document: a wrong type, an unknown or repeated property is refused with the path
/// where it was found, so a typo in a hand-written import never silently drops data.
/// </summary>
internal static class StrictJson
{
    public static void EnsureObject(JsonElement e, string? path, string what)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw CmdbException.Invalid($"{what} must be a JSON object, not {JsonKinds.Describe(e.ValueKind)}.", path);
    }

    /// <summary>Refuses properties outside <paramref name="allowed"/> and properties given twice.</summary>
    public static void EnsureKnownProperties(JsonElement obj, string? path, IReadOnlyList<string> allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                var hint = Suggest(property.Name, allowed) is { } s ? $" (did you mean '{s}'?)" : "";
                throw CmdbException.Invalid(
                    $"Unknown property '{Display(property.Name)}' in {path ?? "the document"}{hint}; allowed: {string.Join(", ", allowed)}.",
                    CiRules.At(path, Display(property.Name)));
            }

            if (!seen.Add(property.Name))
                throw CmdbException.Invalid($"Property '{property.Name}' appears twice in {path ?? "the document"}.", CiRules.At(path, property.Name));
        }
    }

    /// <summary>Refuses repeated property names anywhere inside <paramref name="e"/> (JSON allows them; we do not).</summary>
    public static void EnsureNoDuplicateNames(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) EnsureNoDuplicateNames(item, path);
            return;
        }

        if (e.ValueKind != JsonValueKind.Object) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            if (!seen.Add(property.Name))
                throw CmdbException.Invalid($"Property '{Display(property.Name)}' appears twice in {path}.", path);
            EnsureNoDuplicateNames(property.Value, path);
        }
    }

    /// <summary>The property, or null when it is absent or JSON null (both mean "not given").</summary>
    public static JsonElement? Optional(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? OptionalString(JsonElement obj, string property, string path) =>
        Optional(obj, property) is { } v ? String(v, CiRules.At(path, property), property) : null;

    public static string RequiredString(JsonElement obj, string property, string path) =>
        OptionalString(obj, property, path)
        ?? throw CmdbException.Invalid($"{path} lacks '{property}'.", CiRules.At(path, property));

    public static int? OptionalInt(JsonElement obj, string property, string path)
    {
        if (Optional(obj, property) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
        var shown = v.ValueKind == JsonValueKind.Number ? $"the number {Display(v.GetRawText())}" : JsonKinds.Describe(v.ValueKind);
        throw CmdbException.Invalid($"{property} must be a whole number, not {shown}.", CiRules.At(path, property));
    }

    public static IReadOnlyList<string>? OptionalStringArray(JsonElement obj, string property, string path)
    {
        if (Optional(obj, property) is not { } v) return null;
        var at = CiRules.At(path, property);
        if (v.ValueKind != JsonValueKind.Array)
            throw CmdbException.Invalid($"{property} must be an array of strings, not {JsonKinds.Describe(v.ValueKind)}.", at);
        if (v.GetArrayLength() > CiRules.MaxTags)
            throw CmdbException.Invalid($"{property} holds {v.GetArrayLength()} entries; the limit is {CiRules.MaxTags}.", at);
        var list = new List<string>();
        var i = 0;
        foreach (var item in v.EnumerateArray()) list.Add(String(item, $"{at}[{i++}]", $"every entry of {property}"));
        return list;
    }

    /// <summary>An independent copy of a JSON object property (it must outlive the parsed document).</summary>
    public static JsonObject? OptionalObject(JsonElement obj, string property, string path)
    {
        if (Optional(obj, property) is not { } v) return null;
        var at = CiRules.At(path, property);
        if (v.ValueKind != JsonValueKind.Object)
            throw CmdbException.Invalid($"{property} must be a JSON object, not {JsonKinds.Describe(v.ValueKind)}.", at);
        EnsureNoDuplicateNames(v, at);
        return JsonNode.Parse(v.GetRawText())!.AsObject();
    }

    public static string String(JsonElement v, string path, string what)
    {
        if (v.ValueKind != JsonValueKind.String)
            throw CmdbException.Invalid($"{what} must be a string, not {JsonKinds.Describe(v.ValueKind)}.", path);
        try
        {
            return v.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") parses as JSON but is not text.
            throw CmdbException.Invalid($"{what} is not valid Unicode text.", path);
        }
    }

    /// <summary>Makes input safe to echo in a message: short, without control characters.</summary>
    public static string Display(string s)
    {
        var shortened = CiRules.Shorten(s);
        return shortened.Any(char.IsControl) ? new string(shortened.Select(c => char.IsControl(c) ? '?' : c).ToArray()) : shortened;
    }

    private static string? Suggest(string name, IReadOnlyList<string> allowed) =>
        name.Length > 64 ? null : allowed.FirstOrDefault(a => Distance(a.ToUpperInvariant(), name.ToUpperInvariant()) <= (a.Length > 4 ? 2 : 1));

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
