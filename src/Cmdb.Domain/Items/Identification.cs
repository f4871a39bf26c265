using Cmdb.Domain.Errors;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Items;

/// <summary>
/// Decides which stored CI a written record describes, by the class's identification rule. Backend-neutral: the
/// store supplies a lookup from one identifier to the CI that currently holds it.
/// </summary>
/// <remarks>
/// Every rule set the record fully carries is tried, in order. A set matches the CI that holds all of its values.
/// One distinct CI across all sets is the match; two or more is a conflict, because merging them silently would
/// lose data. When the record carries no complete set, any single identifier it has may match instead.
/// </remarks>
public static class Identification
{
    /// <summary>The id of the CI the record describes, or null when it describes a new CI.</summary>
    /// <param name="model">The model in force.</param>
    /// <param name="ciClass">The record's class.</param>
    /// <param name="identifiers">The record's identifiers (scheme to value).</param>
    /// <param name="holderOf">The id of the CI holding the identifier (scheme, value) now, or null.</param>
    /// <param name="path">Where the record came from in the input, for the error message.</param>
    public static string? Match(
        ModelCatalog model, CiClass ciClass, IReadOnlyDictionary<string, string>? identifiers,
        Func<string, string, string?> holderOf, string? path)
    {
        if (identifiers is null || identifiers.Count == 0) return null;
        string? match = null;
        string? matchedBy = null;
        var carriesASet = false;
        var rule = model.IdentificationRule(ciClass);
        for (var i = 0; i < rule.Count; i++) // indexed loops: this runs for every record of a bulk import
        {
            var set = rule[i];
            if (set.Count == 0 || !CarriesAll(set, identifiers)) continue;
            carriesASet = true;
            var holder = HolderOfAll(set, identifiers, holderOf);
            if (holder is not null) Combine(ref match, ref matchedBy, holder, Describe(set, identifiers), path);
        }

        if (carriesASet) return match;
        foreach (var (scheme, value) in identifiers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var holder = holderOf(scheme, value);
            if (holder is not null) Combine(ref match, ref matchedBy, holder, $"{scheme}={value}", path);
        }

        return match;
    }

    /// <summary>Refuses identifiers of <paramref name="ciId"/> that another CI already holds: each pair is unique.</summary>
    public static void EnsureUnique(
        string ciId, IReadOnlyDictionary<string, string> identifiers, Func<string, string, string?> holderOf, string? path)
    {
        if (identifiers is SortedIdentifiers sorted)
        {
            EnsureUnique(ciId, sorted.Pairs, holderOf, path); // no enumerator
            return;
        }

        foreach (var (scheme, value) in identifiers) EnsureUnique(ciId, scheme, value, holderOf, path);
    }

    /// <summary><see cref="EnsureUnique(string, IReadOnlyDictionary{string, string}, Func{string, string, string?}, string?)"/> of pairs already in hand (a bulk creation's).</summary>
    public static void EnsureUnique(
        string ciId, ReadOnlySpan<KeyValuePair<string, string>> identifiers, Func<string, string, string?> holderOf, string? path)
    {
        foreach (var (scheme, value) in identifiers) EnsureUnique(ciId, scheme, value, holderOf, path);
    }

    private static void EnsureUnique(string ciId, string scheme, string value, Func<string, string, string?> holderOf, string? path)
    {
        ArgumentNullException.ThrowIfNull(holderOf);
        var holder = holderOf(scheme, value);
        if (holder is not null && holder != ciId)
        {
            throw CmdbException.Conflict(
                $"The identifier {scheme}={CiRules.Shorten(value)} already belongs to CI {holder}; it cannot also identify CI {ciId}.",
                CiRules.At(path, $"identifiers.{scheme}"));
        }
    }

    private static bool CarriesAll(IReadOnlyList<string> set, IReadOnlyDictionary<string, string> identifiers)
    {
        for (var i = 0; i < set.Count; i++)
        {
            if (!identifiers.ContainsKey(set[i])) return false;
        }

        return true;
    }

    private static string? HolderOfAll(IReadOnlyList<string> set, IReadOnlyDictionary<string, string> identifiers, Func<string, string, string?> holderOf)
    {
        string? holder = null;
        for (var i = 0; i < set.Count; i++)
        {
            var scheme = set[i];
            var h = holderOf(scheme, identifiers[scheme]);
            if (h is null || (holder is not null && h != holder)) return null;
            holder = h;
        }

        return holder;
    }

    private static void Combine(ref string? match, ref string? matchedBy, string holder, string by, string? path)
    {
        if (match is null)
        {
            match = holder;
            matchedBy = by;
            return;
        }

        if (match != holder)
        {
            throw CmdbException.Conflict(
                $"The identifiers match two different CIs: {match} (by {CiRules.Shorten(matchedBy!)}) and {holder} (by {CiRules.Shorten(by)}). " +
                "Correct the identifiers or merge the CIs first.",
                CiRules.At(path, "identifiers"));
        }
    }

    private static string Describe(IReadOnlyList<string> set, IReadOnlyDictionary<string, string> identifiers) =>
        string.Join(", ", set.Select(s => $"{s}={identifiers[s]}"));
}
