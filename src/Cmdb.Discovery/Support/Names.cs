using System.Text.RegularExpressions;
using Cmdb.Domain.Items;

namespace Cmdb.Discovery.Support;

/// <summary>Makes observed text fit the CI field rules (<see cref="CiRules"/>) without inventing values.</summary>
internal static partial class Names
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex EnvironmentPattern();

    /// <summary>A display name within the length limit, with control characters replaced.</summary>
    public static string Clip(string name)
    {
        var clean = name.Any(char.IsControl) ? new string(name.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : name;
        return clean.Length <= CiRules.MaxNameLength ? clean : clean[..(CiRules.MaxNameLength - 1)] + "…";
    }

    /// <summary>
    /// An identifier value within the store's length limit. A longer value keeps its start and ends in a hash of the
    /// whole, so it stays unique and stable rather than failing the whole load.
    /// </summary>
    public static string Key(string value)
    {
        if (value.Length <= CiRules.MaxIdentifierValueLength) return value;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..16];
        return value[..(CiRules.MaxIdentifierValueLength - hash.Length - 1)] + "#" + hash;
    }

    /// <summary>An environment tag as the model spells it (lower case), or null when it cannot be one.</summary>
    public static string? Environment(string? value)
    {
        if (value is null) return null;
        var lower = value.Trim().ToLowerInvariant();
        return EnvironmentPattern().IsMatch(lower) ? lower : null;
    }

    /// <summary>The first of the tag keys present (tags are case-sensitive; users spell them several ways).</summary>
    public static string? FirstTag(IReadOnlyDictionary<string, string> tags, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (tags.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v)) return v;
        }

        return null;
    }
}
