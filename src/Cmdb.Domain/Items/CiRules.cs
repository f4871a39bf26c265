using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cmdb.Domain.Errors;

namespace Cmdb.Domain.Items;

/// <summary>Limits on CI fields. A value outside them is refused with a message naming the field.</summary>
public static partial class CiRules
{
    public const int MaxNameLength = 256;
    public const int MaxTextLength = 256;
    public const int MaxTags = 64;
    public const int MaxTagLength = 64;
    public const int MaxIdentifierValueLength = 512;
    public const int MaxAttributesBytes = 64 * 1024;
    public const int MaxMinHealthy = 10_000;

    [GeneratedRegex("^[a-z][a-z0-9_.-]{0,63}$")]
    public static partial Regex SchemePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex AttributeNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex EnvironmentPattern();

    public static void Validate(CiFields f, string? path) => Validate(f, path, identifiers: true);

    /// <summary>
    /// <see cref="Validate(CiFields, string?)"/>, leaving the identifiers out when <paramref name="identifiers"/> is false:
    /// for a caller that has just checked each of them with <see cref="ValidateIdentifier"/>.
    /// </summary>
    public static void Validate(CiFields f, string? path, bool identifiers)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Name is not null) Text(f.Name, "name", MaxNameLength, path, allowEmpty: false);
        if (f.Environment is not null && !EnvironmentPattern().IsMatch(f.Environment))
            throw CmdbException.Invalid($"environment '{Shorten(f.Environment)}' must be lower-case letters, digits, '-' or '_' (at most 64).", At(path, "environment"));
        if (f.Criticality is < 1 or > 4)
            throw CmdbException.Invalid($"criticality must be 1 (most critical) to 4, not {f.Criticality}.", At(path, "criticality"));
        if (f.Owner is not null) Text(f.Owner, "owner", MaxTextLength, path, allowEmpty: false);
        if (f.SupportGroup is not null) Text(f.SupportGroup, "supportGroup", MaxTextLength, path, allowEmpty: false);
        if (f.MinHealthy is < 1 or > MaxMinHealthy)
            throw CmdbException.Invalid($"minHealthy must be between 1 and {MaxMinHealthy}, not {f.MinHealthy}.", At(path, "minHealthy"));
        if (f.Tags is not null) ValidateTags(f.Tags, path);
        if (f.Attributes is not null) ValidateAttributes(f.Attributes, path);
        if (identifiers && f.Identifiers is not null) ValidateIdentifiers(f.Identifiers, path);
    }

    public static void ValidateIdentifier(string scheme, string value, string? path)
    {
        if (!SchemePattern().IsMatch(scheme))
            throw CmdbException.Invalid($"identifier scheme '{Shorten(scheme)}' must be lower-case, start with a letter and use only a-z 0-9 . _ - (at most 64).", path);
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdentifierValueLength)
            throw CmdbException.Invalid($"identifier '{scheme}' needs a value of 1 to {MaxIdentifierValueLength} characters.", path);
        if (!IsUnicodeText(value))
            throw CmdbException.Invalid($"identifier '{scheme}' is not valid Unicode text (it holds half of a surrogate pair).", path);
    }

    private static bool IsValidIdentifier(string scheme, string value) =>
        SchemePattern().IsMatch(scheme) && !string.IsNullOrWhiteSpace(value) && value.Length <= MaxIdentifierValueLength && IsUnicodeText(value);

    // Every write of a CI passes these checks (a discovery run twice per item, in the engine and in the store), so maps
    // and lists are walked without their interfaces' enumerators: each was a boxed object per call.
    private static void ValidateIdentifiers(IReadOnlyDictionary<string, string> identifiers, string? path)
    {
        if (identifiers is Dictionary<string, string> map)
        {
            foreach (var (scheme, value) in map) ValidateIdentifierAt(scheme, value, path);
        }
        else
        {
            foreach (var (scheme, value) in identifiers) ValidateIdentifierAt(scheme, value, path);
        }
    }

    private static void ValidateIdentifierAt(string scheme, string value, string? path)
    {
        // The path is built only for an error: this runs for every record of a bulk import.
        if (!IsValidIdentifier(scheme, value)) ValidateIdentifier(scheme, value, At(path, $"identifiers.{Shorten(scheme)}"));
    }

    private static void ValidateTags(IReadOnlyList<string> tags, string? path)
    {
        if (tags.Count > MaxTags) throw CmdbException.Invalid($"A CI carries at most {MaxTags} tags, not {tags.Count}.", At(path, "tags"));
        for (var i = 0; i < tags.Count; i++) Text(tags[i], "tag", MaxTagLength, path, allowEmpty: false);
    }

    private static void ValidateAttributes(JsonObject attributes, string? path)
    {
        var bound = 2L; // the braces
        for (var i = 0; i < attributes.Count; i++)
        {
            var (name, value) = attributes.GetAt(i);
            if (!AttributeNamePattern().IsMatch(name))
                throw CmdbException.Invalid($"attribute name '{Shorten(name)}' must start with a letter or '_' and use only letters, digits, '_', '.', '-' (at most 128).", At(path, "attributes"));
            if (bound > MaxAttributesBytes) continue; // the exact size decides (every name is still checked first)
            var valueBound = Utf8Bound(value);
            bound = valueBound == long.MaxValue ? long.MaxValue : bound + EscapedBound(name.Length) + 2 + valueBound; // name, ':' and ','
        }

        // The exact size only when the bound allows too many bytes: every write of a CI is checked (discovery: twice per
        // item, in the engine and in the store), and writing the object out to count its bytes was most of the check.
        if (bound <= MaxAttributesBytes) return;
        var size = Utf8Size(attributes);
        if (size > MaxAttributesBytes)
            throw CmdbException.Invalid($"attributes take {size} bytes; the limit is {MaxAttributesBytes}.", At(path, "attributes"));
    }

    private static void Text(string value, string field, int max, string? path, bool allowEmpty)
    {
        if (!allowEmpty && string.IsNullOrWhiteSpace(value))
            throw CmdbException.Invalid($"{field} must not be empty.", At(path, field));
        if (value.Length > max)
            throw CmdbException.Invalid($"{field} is {value.Length} characters long; the limit is {max}.", At(path, field));
        if (HasControl(value))
            throw CmdbException.Invalid($"{field} must not contain control characters.", At(path, field));
        if (!IsUnicodeText(value))
            throw CmdbException.Invalid($"{field} is not valid Unicode text (it holds half of a surrogate pair).", At(path, field));
    }

    /// <summary>
    /// False for a lone UTF-16 surrogate (GraphQL and JSON escapes like "\ud800" can carry one): SQLite stores UTF-8,
    /// so such a value could not be stored as given, and it must not be silently replaced.
    /// </summary>
    internal static bool IsUnicodeText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsSurrogate(c)) continue;
            if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
            i++;
        }

        return true;
    }

    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c)) return true;
        }

        return false;
    }

    internal static string At(string? path, string field) => path is null ? field : $"{path}.{field}";

    internal static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
