using Cmdb.Discovery.Framework.Options;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>
/// Decides, field by field, whether a source may set a value someone else set last. See
/// <see cref="PrecedenceRuleOptions"/> for the rules in words.
/// </summary>
internal sealed class PrecedencePolicy
{
    private const string DiscoveryPrefix = "discovery:";
    private readonly ModelCatalog _model;
    private readonly IReadOnlyList<PrecedenceRuleOptions> _rules;

    public PrecedencePolicy(ModelCatalog model, IReadOnlyList<PrecedenceRuleOptions> rules)
    {
        _model = model;
        _rules = rules;
        Salt = Fingerprint.Of(string.Join(";", rules.Select(r => $"{r.Class}|{r.Field}|{string.Join(",", r.Sources)}")));
    }

    /// <summary>Changes whenever the rules change, so fingerprints taken under other rules no longer match.</summary>
    public long Salt { get; }

    /// <summary>Whether <paramref name="source"/> may set <paramref name="field"/> now, and the rule that decided, in words.</summary>
    public (bool Allowed, string Rule) Decide(string ciClass, string field, AttributeProvenance? current, string source)
    {
        var (allowed, index) = Judge(ciClass, field, current, source);
        if (current is null) return (true, "not set before: the first source to report it sets it");
        var owner = Owner(current) is { } o ? current.Source[o..] : null;
        if (index == SetBySource) return (true, $"set last by this source ({source})");
        if (index < 0)
        {
            return owner is null
                ? (false, $"set by {current.Source}; values people set win unless a precedence rule lists '{source}' before '{PrecedenceRuleOptions.Manual}'")
                : (false, $"set by source '{owner}'; no precedence rule for '{field}', so the source that set it keeps it");
        }

        var rule = _rules[index];
        var text = $"precedence rule {index} ({rule.Class ?? "any class"}, {rule.Field}: {string.Join(" > ", rule.Sources)})";
        return allowed
            ? (true, $"{text}: '{source}' outranks {(owner is null ? current.Source : $"'{owner}'")}")
            : (false, $"{text}: {(owner is null ? current.Source : $"'{owner}'")} is not outranked by '{source}'");
    }

    /// <summary>
    /// As <see cref="Decide"/> without the words: a real run decides every changed field of every update and only the
    /// dry run shows why, so the rule's text (a new string per decision) is made only there.
    /// </summary>
    public bool Allows(string ciClass, string field, AttributeProvenance? current, string source) => Judge(ciClass, field, current, source).Allowed;

    /// <summary>Marks a value the deciding source set itself (no rule consulted).</summary>
    private const int SetBySource = -2;

    /// <summary>The decision and the rule that made it: its index, <see cref="SetBySource"/>, or -1 for none.</summary>
    private (bool Allowed, int Rule) Judge(string ciClass, string field, AttributeProvenance? current, string source)
    {
        if (current is null) return (true, -1);
        var ownerAt = Owner(current);
        if (ownerAt is { } at && current.Source.AsSpan(at).Equals(source, StringComparison.OrdinalIgnoreCase)) return (true, SetBySource);
        var index = FindRule(ciClass, field);
        if (index < 0) return (false, -1);
        var rule = _rules[index];
        var mine = Rank(rule, source, unlisted: int.MaxValue);
        var theirs = ownerAt is { } o ? Rank(rule, current.Source.AsSpan(o), unlisted: int.MaxValue) : Rank(rule, PrecedenceRuleOptions.Manual, unlisted: -1);
        return (mine < theirs, index);
    }

    /// <summary>Where the source's name starts in a provenance set by discovery, or null when a person or the system set it.</summary>
    private static int? Owner(AttributeProvenance current) =>
        current.Source.StartsWith(DiscoveryPrefix, StringComparison.Ordinal) ? DiscoveryPrefix.Length : null;

    private int FindRule(string ciClass, string field)
    {
        for (var i = 0; i < _rules.Count; i++)
        {
            var rule = _rules[i];
            if (rule.Class is { } c && !(_model.TryGetClass(ciClass, out _) && _model.TryGetClass(c, out _) && _model.IsA(ciClass, c))) continue;
            if (Matches(rule.Field, field)) return i;
        }

        return -1;
    }

    private static bool Matches(string pattern, string field) =>
        pattern == "*" || string.Equals(pattern, field, StringComparison.Ordinal) ||
        (pattern.EndsWith('*') && field.AsSpan().StartsWith(pattern.AsSpan(0, pattern.Length - 1), StringComparison.Ordinal));

    private static int Rank(PrecedenceRuleOptions rule, ReadOnlySpan<char> source, int unlisted)
    {
        for (var i = 0; i < rule.Sources.Count; i++)
        {
            if (source.Equals(rule.Sources[i], StringComparison.OrdinalIgnoreCase)) return i;
        }

        return unlisted;
    }
}
