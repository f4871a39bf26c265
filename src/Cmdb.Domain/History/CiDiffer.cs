using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Relationships;

namespace Cmdb.Domain.History;

/// <summary>
/// Compares two snapshots of a CI and its relationships. Pure: the caller reads both moments from a store.
/// Field names and value forms match <see cref="CiMerge"/>'s audit changes, so a diff reads like merged history.
/// </summary>
public static class CiDiffer
{
    public static CiDiff Diff(
        string ciId, DateTimeOffset from, DateTimeOffset to, ConfigurationItem? before, ConfigurationItem? after,
        IReadOnlyList<Relationship> relationshipsBefore, IReadOnlyList<Relationship> relationshipsAfter)
    {
        var changes = new List<FieldChange>();
        Compare(changes, "class", before?.Class, after?.Class);
        Compare(changes, "name", before?.Name, after?.Name);
        Compare(changes, "status", before?.Status.ToString().ToLowerInvariant(), after?.Status.ToString().ToLowerInvariant());
        Compare(changes, "environment", before?.Environment, after?.Environment);
        Compare(changes, "criticality", before?.Criticality, after?.Criticality);
        Compare(changes, "owner", before?.Owner, after?.Owner);
        Compare(changes, "supportGroup", before?.SupportGroup, after?.SupportGroup);
        Compare(changes, "minHealthy", before?.MinHealthy, after?.MinHealthy);
        CompareTags(changes, before?.Tags ?? [], after?.Tags ?? []);
        CompareAttributes(changes, before?.Attributes, after?.Attributes);
        CompareIdentifiers(changes, before?.Identifiers, after?.Identifiers);

        var beforeIds = relationshipsBefore.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var afterIds = relationshipsAfter.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var added = relationshipsAfter.Where(r => !beforeIds.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        var removed = relationshipsBefore.Where(r => !afterIds.Contains(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        return new CiDiff(ciId, from, to, before, after, changes, added, removed);
    }

    private static void Compare<T>(List<FieldChange> changes, string field, T? before, T? after)
    {
        if (EqualityComparer<T>.Default.Equals(before, after)) return;
        changes.Add(new FieldChange(field, before is null ? null : JsonValue.Create(before), after is null ? null : JsonValue.Create(after)));
    }

    private static void CompareTags(List<FieldChange> changes, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.SequenceEqual(after, StringComparer.Ordinal)) return;
        changes.Add(new FieldChange("tags", ToArray(before), ToArray(after)));
    }

    private static void CompareAttributes(List<FieldChange> changes, JsonObject? before, JsonObject? after)
    {
        var names = (before?.Select(p => p.Key) ?? []).Union(after?.Select(p => p.Key) ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var b = before?[name];
            var a = after?[name];
            if (!JsonNode.DeepEquals(b, a)) changes.Add(new FieldChange($"attributes.{name}", b?.DeepClone(), a?.DeepClone()));
        }
    }

    private static void CompareIdentifiers(List<FieldChange> changes, IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after)
    {
        var schemes = (before?.Keys ?? []).Union(after?.Keys ?? [], StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var scheme in schemes)
        {
            string? b = null, a = null;
            before?.TryGetValue(scheme, out b);
            after?.TryGetValue(scheme, out a);
            Compare(changes, $"identifiers.{scheme}", b, a);
        }
    }

    private static JsonArray ToArray(IReadOnlyList<string> items) => new(items.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
}
