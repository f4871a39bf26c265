using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.History;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Items;

/// <summary>
/// Applies a write's fields to a CI: validation, the model's required attributes, per-field provenance and the
/// list of changes for the audit log. Every backend uses this, so the rules are the same whatever stores the data.
/// </summary>
public static partial class CiMerge
{
    /// <summary>The CI after the write, and what changed. No changes means the write is a no-op.</summary>
    public sealed record Result(ConfigurationItem Ci, IReadOnlyList<FieldChange> Changes);

    public static Result Apply(
        ModelCatalog model, CiClass ciClass, ConfigurationItem? existing, string id, CiFields fields,
        Actor actor, DateTimeOffset now, string? path)
    {
        CiRules.Validate(fields, path);
        if (ciClass.Abstract)
            throw CmdbException.Model($"Class '{ciClass.Name}' is abstract; choose one of its subclasses.", CiRules.At(path, "class"));
        if (existing is not null && existing.Class != ciClass.Name)
            throw CmdbException.Model($"CI {id} is a {existing.Class}; its class cannot change to {ciClass.Name}.", CiRules.At(path, "class"));
        if (existing is null && fields.Name is null)
            throw CmdbException.Invalid("A new CI needs a name.", CiRules.At(path, "name"));

        var changes = new List<FieldChange>(8);
        // A new CI's first change is its class (added first rather than inserted at the end: same order, no shift).
        if (existing is null) changes.Add(new FieldChange("class", null, JsonValue.Create(ciClass.Name)));
        var before = existing;
        var name = Pick("name", before?.Name, fields.Name, changes);
        var status = Pick("status", before?.Status ?? (CiStatus?)null, fields.Status, changes) ?? CiStatus.Active;
        var environment = Pick("environment", before?.Environment, fields.Environment, changes);
        var criticality = Pick("criticality", before?.Criticality, fields.Criticality, changes);
        var owner = Pick("owner", before?.Owner, fields.Owner, changes);
        var supportGroup = Pick("supportGroup", before?.SupportGroup, fields.SupportGroup, changes);
        var minHealthy = Pick("minHealthy", before?.MinHealthy, fields.MinHealthy, changes);
        var tags = MergeTags(before?.Tags ?? [], fields.Tags, changes);
        var attributes = MergeAttributes(before?.Attributes, fields.Attributes, changes);
        var identifiers = MergeIdentifiers(before?.Identifiers, fields.Identifiers, changes);

        var requiredAttributes = model.RequiredAttributes(ciClass); // indexed: the interface's enumerator is a boxed object per write
        for (var i = 0; i < requiredAttributes.Count; i++)
        {
            var required = requiredAttributes[i];
            if (attributes[required] is null)
                throw CmdbException.Model($"A {ciClass.Name} needs the attribute '{required}'.", CiRules.At(path, $"attributes.{required}"));
        }

        if (existing is not null && changes.Count == 0) return new Result(existing, changes);
        if (existing is not null && ReferenceEquals(attributes, existing.Attributes)) attributes = (JsonObject)attributes.DeepClone();

        var provenance = existing is null
            ? new Dictionary<string, AttributeProvenance>(changes.Count)
            : new Dictionary<string, AttributeProvenance>(existing.Provenance);
        var stamp = new AttributeProvenance(actor.Describe(), now);
        foreach (var change in changes)
        {
            if (change.Field == "class") continue;
            if (change.After is null && change.Field.StartsWith("attributes.", StringComparison.Ordinal)) provenance.Remove(change.Field);
            else provenance[change.Field] = stamp;
        }

        var ci = new ConfigurationItem(
            id, ciClass.Name, name!, status, environment, criticality, owner, supportGroup, tags, attributes, identifiers,
            minHealthy, provenance, existing?.Sources ?? [], existing?.CreatedAt ?? now, now, (existing?.Version ?? 0) + 1);
        return new Result(ci, changes);
    }

    private static T? Pick<T>(string field, T? current, T? requested, List<FieldChange> changes)
    {
        if (requested is null || EqualityComparer<T>.Default.Equals(current, requested)) return current;
        changes.Add(new FieldChange(field, ToNode(current), ToNode(requested)));
        return requested;
    }

    // The typed overloads: the generic JsonValue.Create<T> looks the type's serialization metadata up on every call,
    // which cost a bulk import more than the rest of the merge.
    private static JsonValue? ToNode<T>(T? value) => value switch
    {
        null => null,
        CiStatus s => JsonValue.Create(StatusText(s)),
        string s => JsonValue.Create(s),
        int n => JsonValue.Create(n),
        long n => JsonValue.Create(n),
        _ => JsonValue.Create(value),
    };

    // The enum name in lower case, without formatting the enum each time.
    private static string StatusText(CiStatus s) => s switch
    {
        CiStatus.Planned => "planned",
        CiStatus.Active => "active",
        CiStatus.Maintenance => "maintenance",
        CiStatus.Retired => "retired",
        _ => s.ToString().ToLowerInvariant(),
    };

    private static IReadOnlyList<string> MergeTags(IReadOnlyList<string> current, IReadOnlyList<string>? requested, List<FieldChange> changes)
    {
        if (requested is null) return current;
        var next = requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (next.SequenceEqual(current, StringComparer.Ordinal)) return current;
        changes.Add(new FieldChange("tags", new JsonArray(current.Select(t => (JsonNode?)t).ToArray()), new JsonArray(next.Select(t => (JsonNode?)t).ToArray())));
        return next;
    }

    private static JsonObject MergeAttributes(JsonObject? current, JsonObject? requested, List<FieldChange> changes)
    {
        // Returns current itself when nothing changes; Apply copies it only if the CI changes at all.
        if (requested is null || requested.Count == 0) return current ?? new JsonObject();
        var pairs = new KeyValuePair<string, JsonNode?>[requested.Count];
        var n = 0;
        foreach (var pair in requested) pairs[n++] = pair;
        if (n > 1) Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));

        // Copied only when something changes: an unchanged re-import compares against the stored object as it is.
        JsonObject? next = null;
        foreach (var (key, value) in pairs)
        {
            var old = (next ?? current)?[key];
            if (JsonNode.DeepEquals(old, value)) continue;
            next ??= current is null ? new JsonObject() : (JsonObject)current.DeepClone();
            old = next[key];
            changes.Add(new FieldChange($"attributes.{key}", old?.DeepClone(), value?.DeepClone()));
            if (value is null) next.Remove(key);
            else next[key] = value.DeepClone();
        }

        return next ?? current ?? new JsonObject();
    }

    private static SortedDictionary<string, string> MergeIdentifiers(
        IReadOnlyDictionary<string, string>? current, IReadOnlyDictionary<string, string>? requested, List<FieldChange> changes)
    {
        // An unchanged write keeps the current (already ordinal-sorted, never mutated) dictionary rather than copying it.
        if (current is SortedDictionary<string, string> sorted && ReferenceEquals(sorted.Comparer, StringComparer.Ordinal) &&
            (requested is null || AllHeld(sorted, requested)))
        {
            return sorted;
        }

        var next = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (current is not null) foreach (var (k, v) in current) next[k] = v;
        if (requested is null) return next;
        foreach (var (scheme, value) in InOrdinalOrder(requested))
        {
            next.TryGetValue(scheme, out var old);
            if (old == value) continue;
            changes.Add(new FieldChange($"identifiers.{scheme}", old is null ? null : JsonValue.Create(old), JsonValue.Create(value)));
            next[scheme] = value;
        }

        return next;
    }

    private static IEnumerable<KeyValuePair<string, string>> InOrdinalOrder(IReadOnlyDictionary<string, string> pairs)
    {
        // The import reader hands identifiers over already in ordinal order.
        if (pairs is SortedDictionary<string, string> sorted && ReferenceEquals(sorted.Comparer, StringComparer.Ordinal)) return sorted;
        if (pairs.Count <= 1) return pairs;
        var array = new KeyValuePair<string, string>[pairs.Count];
        var n = 0;
        foreach (var pair in pairs) array[n++] = pair;
        Array.Sort(array, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return array;
    }

    private static bool AllHeld(SortedDictionary<string, string> current, IReadOnlyDictionary<string, string> requested)
    {
        foreach (var (scheme, value) in requested)
        {
            if (!current.TryGetValue(scheme, out var old) || old != value) return false;
        }

        return true;
    }
}
