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
        ArgumentNullException.ThrowIfNull(actor);
        return Apply(model, ciClass, existing, id, fields, new AttributeProvenance(actor.Describe(), now), path);
    }

    /// <summary>
    /// <see cref="Apply(ModelCatalog, CiClass, ConfigurationItem?, string, CiFields, Actor, DateTimeOffset, string?)"/>
    /// with the provenance stamp (the actor's text and the time) given: a batch makes one for all the CIs it writes
    /// rather than the actor's text per write. Every field the write changes is stamped with this very object.
    /// </summary>
    public static Result Apply(
        ModelCatalog model, CiClass ciClass, ConfigurationItem? existing, string id, CiFields fields, AttributeProvenance stamp, string? path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ciClass);
        ArgumentNullException.ThrowIfNull(stamp);
        var now = stamp.At;
        CiRules.Validate(fields, path);
        if (ciClass.Abstract)
            throw CmdbException.Model($"Class '{ciClass.Name}' is abstract; choose one of its subclasses.", CiRules.At(path, "class"));
        if (existing is not null && existing.Class != ciClass.Name)
            throw CmdbException.Model($"CI {id} is a {existing.Class}; its class cannot change to {ciClass.Name}.", CiRules.At(path, "class"));
        if (existing is null && fields.Name is null)
            throw CmdbException.Invalid("A new CI needs a name.", CiRules.At(path, "name"));

        var changes = new List<FieldChange>(existing is null ? 8 : 4); // an update usually changes a few fields
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
            : CopyProvenance(existing.Provenance, changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
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
        // In ordinal key order, in a scratch this thread reuses (cleared after, so it keeps no write's nodes alive).
        var scratch = _attributeScratch is { } kept && kept.Length >= requested.Count ? kept : new KeyValuePair<string, JsonNode?>[Math.Max(8, requested.Count)];
        _attributeScratch = null; // taken: a nested merge (none today) would make its own
        var pairs = scratch.AsSpan(0, requested.Count);
        for (var i = 0; i < pairs.Length; i++) pairs[i] = requested.GetAt(i); // by index: the enumerator is a boxed object
        if (pairs.Length > 1) pairs.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        try
        {
            return MergeSorted(current, pairs, changes);
        }
        finally
        {
            pairs.Clear();
            if (scratch.Length <= 64) _attributeScratch = scratch;
        }
    }

    [ThreadStatic]
    private static KeyValuePair<string, JsonNode?>[]? _attributeScratch;

    private static JsonObject MergeSorted(JsonObject? current, ReadOnlySpan<KeyValuePair<string, JsonNode?>> pairs, List<FieldChange> changes)
    {
        // Copied only when something changes: an unchanged re-import compares against the stored object as it is. The copy
        // is the new CI's own (a node has one parent, and the old CI must stay as it was); the change's "before" is the
        // copy's node that the new value replaces, detached from it by the replacement, so it needs no copy of its own.
        JsonObject? next = null;
        foreach (var (key, value) in pairs)
        {
            var old = (next ?? current)?[key];
            if (JsonNode.DeepEquals(old, value)) continue;
            next ??= current is null ? new JsonObject() : (JsonObject)current.DeepClone();
            old = next[key];
            if (value is null) next.Remove(key);
            else next[key] = value.DeepClone();
            changes.Add(new FieldChange(FieldNames.Attribute(key), old, value?.DeepClone()));
        }

        return next ?? current ?? new JsonObject();
    }

    /// <summary>
    /// A copy of the old CI's provenance with room for <paramref name="changes"/> more entries, in the same order (the
    /// snapshot writes it in enumeration order): adding the new fields' entries to a copy of the exact size grew it again.
    /// </summary>
    private static Dictionary<string, AttributeProvenance> CopyProvenance(IReadOnlyDictionary<string, AttributeProvenance> old, int changes)
    {
        var copy = new Dictionary<string, AttributeProvenance>(old.Count + changes);
        if (old is Dictionary<string, AttributeProvenance> map)
        {
            foreach (var (field, p) in map) copy.Add(field, p); // its struct enumerator
        }
        else
        {
            foreach (var (field, p) in old) copy.Add(field, p);
        }

        return copy;
    }

    private static SortedIdentifiers MergeIdentifiers(
        IReadOnlyDictionary<string, string>? current, IReadOnlyDictionary<string, string>? requested, List<FieldChange> changes)
    {
        // The current map when nothing changes (a SortedIdentifiers is immutable, so the new version shares it).
        var held = current switch
        {
            null => SortedIdentifiers.Empty,
            SortedIdentifiers sorted => sorted,
            _ => SortedIdentifiers.Of(current),
        };
        if (requested is null || requested.Count == 0) return held;

        KeyValuePair<string, string>[]? changed = null;
        var n = 0;
        foreach (var (scheme, value) in InOrdinalOrder(requested))
        {
            held.TryGetValue(scheme, out var old);
            if (old == value) continue;
            changes.Add(new FieldChange(FieldNames.Identifier(scheme), old is null ? null : JsonValue.Create(old), JsonValue.Create(value)));
            (changed ??= new KeyValuePair<string, string>[requested.Count])[n++] = new(scheme, value);
        }

        return changed is null ? held : held.With(changed.AsSpan(0, n));
    }

    private static IEnumerable<KeyValuePair<string, string>> InOrdinalOrder(IReadOnlyDictionary<string, string> pairs)
    {
        // The import reader hands identifiers over already in ordinal order.
        if (pairs is SortedIdentifiers || (pairs is SortedDictionary<string, string> sorted && ReferenceEquals(sorted.Comparer, StringComparer.Ordinal))) return pairs;
        if (pairs.Count <= 1) return pairs;
        var array = new KeyValuePair<string, string>[pairs.Count];
        var n = 0;
        if (pairs is Dictionary<string, string> map)
        {
            foreach (var pair in map) array[n++] = pair; // its struct enumerator (discovery's writes)
        }
        else
        {
            foreach (var pair in pairs) array[n++] = pair;
        }

        Array.Sort(array, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return array;
    }
}
