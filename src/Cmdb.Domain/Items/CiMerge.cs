using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.History;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Items;

/// <summary>
/// Applies a write's fields to a CI: validation, the model's required attributes, per-field provenance and the
/// list of changes for the audit log. Every backend uses this, so the rules are the same whatever stores the data.
/// </summary>
public static class CiMerge
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

        var changes = new List<FieldChange>();
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

        foreach (var required in model.RequiredAttributes(ciClass))
        {
            if (attributes[required] is null)
                throw CmdbException.Model($"A {ciClass.Name} needs the attribute '{required}'.", CiRules.At(path, $"attributes.{required}"));
        }

        if (existing is null) changes.Insert(0, new FieldChange("class", null, JsonValue.Create(ciClass.Name)));
        if (existing is not null && changes.Count == 0) return new Result(existing, changes);

        var provenance = new Dictionary<string, AttributeProvenance>(existing?.Provenance ?? new Dictionary<string, AttributeProvenance>());
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

    private static JsonValue? ToNode<T>(T? value) => value switch
    {
        null => null,
        CiStatus s => JsonValue.Create(s.ToString().ToLowerInvariant()),
        _ => JsonValue.Create(value),
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
        var next = current is null ? new JsonObject() : (JsonObject)current.DeepClone();
        if (requested is null) return next;
        foreach (var (key, value) in requested.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var old = next[key];
            if (JsonNode.DeepEquals(old, value)) continue;
            changes.Add(new FieldChange($"attributes.{key}", old?.DeepClone(), value?.DeepClone()));
            if (value is null) next.Remove(key);
            else next[key] = value.DeepClone();
        }

        return next;
    }

    private static SortedDictionary<string, string> MergeIdentifiers(
        IReadOnlyDictionary<string, string>? current, IReadOnlyDictionary<string, string>? requested, List<FieldChange> changes)
    {
        var next = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (current is not null) foreach (var (k, v) in current) next[k] = v;
        if (requested is null) return next;
        foreach (var (scheme, value) in requested.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            next.TryGetValue(scheme, out var old);
            if (old == value) continue;
            changes.Add(new FieldChange($"identifiers.{scheme}", old is null ? null : JsonValue.Create(old), JsonValue.Create(value)));
            next[scheme] = value;
        }

        return next;
    }
}
