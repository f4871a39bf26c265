using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Items;

public static partial class CiMerge
{
    /// <summary>
    /// The CI a write creates: the same CI as
    /// <see cref="Apply(ModelCatalog, CiClass, ConfigurationItem?, string, CiFields, AttributeProvenance, string?)"/> gives
    /// with no existing CI, with the same checks in the same order, but without the list of changes (no
    /// <c>FieldChange</c> or JSON value per field). A creation's changes
    /// are its version-1 fields; a store that derives its audit entry from them (see the SQLite store) needs no list,
    /// and a bulk import of new CIs spent a large part of its managed work building one.
    /// </summary>
    public static ConfigurationItem Create(
        ModelCatalog model, CiClass ciClass, string id, CiFields fields, Actor actor, DateTimeOffset now, string? path)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Create(model, ciClass, id, fields, new AttributeProvenance(actor.Describe(), now), path);
    }

    /// <summary>
    /// <see cref="Create(ModelCatalog, CiClass, string, CiFields, Actor, DateTimeOffset, string?)"/> with the provenance
    /// stamp (actor and time) given: a batch shares one for all the CIs it creates.
    /// </summary>
    public static ConfigurationItem Create(ModelCatalog model, CiClass ciClass, string id, CiFields fields, AttributeProvenance stamp, string? path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ciClass);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(stamp);
        CheckCreate(model, ciClass, fields, path);

        // Provenance in the order Apply lists the changes: the stored snapshot is then byte for byte the same.
        var provenance = new Dictionary<string, AttributeProvenance>(8 + (fields.Attributes?.Count ?? 0) + (fields.Identifiers?.Count ?? 0));
        provenance["name"] = stamp;
        if (fields.Status is not null) provenance["status"] = stamp;
        if (fields.Environment is not null) provenance["environment"] = stamp;
        if (fields.Criticality is not null) provenance["criticality"] = stamp;
        if (fields.Owner is not null) provenance["owner"] = stamp;
        if (fields.SupportGroup is not null) provenance["supportGroup"] = stamp;
        if (fields.MinHealthy is not null) provenance["minHealthy"] = stamp;
        IReadOnlyList<string> tags = [];
        if (fields.Tags is { Count: > 0 } requestedTags)
        {
            tags = requestedTags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            provenance["tags"] = stamp;
        }

        var attributes = NewAttributes(fields.Attributes, provenance, stamp);
        var identifiers = SortedIdentifiers.Empty;
        if (fields.Identifiers is { Count: > 0 } requested)
        {
            var held = new KeyValuePair<string, string>[requested.Count];
            var n = 0;
            foreach (var (scheme, value) in InOrdinalOrder(requested))
            {
                if (value is null) continue; // as Apply: a pair equal to "not held" changes nothing
                held[n++] = new(scheme, value);
                provenance[FieldNames.Identifier(scheme)] = stamp;
            }

            identifiers = SortedIdentifiers.Of(held.AsSpan(0, n));
        }

        return new ConfigurationItem(
            id, ciClass.Name, fields.Name!, fields.Status ?? CiStatus.Active, fields.Environment, fields.Criticality, fields.Owner,
            fields.SupportGroup, tags, attributes, identifiers, fields.MinHealthy, provenance, [], stamp.At, stamp.At, 1);
    }

    /// <summary>
    /// Every check <see cref="Create(ModelCatalog, CiClass, string, CiFields, AttributeProvenance, string?)"/> makes, in
    /// the same order, without building the CI: for a store that writes a new CI's snapshot straight from its fields.
    /// </summary>
    public static void CheckCreate(ModelCatalog model, CiClass ciClass, CiFields fields, string? path) =>
        CheckCreate(model, ciClass, fields, path, identifiersValidated: false);

    /// <summary>
    /// <see cref="CheckCreate(ModelCatalog, CiClass, CiFields, string?)"/>; <paramref name="identifiersValidated"/>: the
    /// caller has already passed every identifier through <see cref="CiRules.ValidateIdentifier"/>, so they are not checked again.
    /// </summary>
    public static void CheckCreate(ModelCatalog model, CiClass ciClass, CiFields fields, string? path, bool identifiersValidated)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ciClass);
        ArgumentNullException.ThrowIfNull(fields);
        CiRules.Validate(fields, path, identifiers: !identifiersValidated);
        if (ciClass.Abstract)
            throw CmdbException.Model($"Class '{ciClass.Name}' is abstract; choose one of its subclasses.", CiRules.At(path, "class"));
        if (fields.Name is null)
            throw CmdbException.Invalid("A new CI needs a name.", CiRules.At(path, "name"));
        var requiredAttributes = model.RequiredAttributes(ciClass); // indexed: the interface's enumerator is a boxed object per write
        for (var i = 0; i < requiredAttributes.Count; i++)
        {
            var required = requiredAttributes[i];
            if (!HasValue(fields.Attributes, required))
                throw CmdbException.Model($"A {ciClass.Name} needs the attribute '{required}'.", CiRules.At(path, $"attributes.{required}"));
        }
    }

    /// <summary>Whether the new CI's attributes hold <paramref name="name"/> (ordinal, as the CI's own attribute object looks it up).</summary>
    private static bool HasValue(JsonObject? requested, string name)
    {
        if (requested is null) return false;
        for (var i = 0; i < requested.Count; i++) // by index: the object's enumerator is a boxed one per creation checked
        {
            var (key, value) = requested.GetAt(i);
            if (value is not null && string.Equals(key, name, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private static JsonObject NewAttributes(JsonObject? requested, Dictionary<string, AttributeProvenance> provenance, AttributeProvenance stamp)
    {
        var next = new JsonObject();
        if (requested is null || requested.Count == 0) return next;
        var pairs = new KeyValuePair<string, JsonNode?>[requested.Count];
        for (var i = 0; i < pairs.Length; i++) pairs[i] = requested.GetAt(i);
        if (pairs.Length > 1) Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, value) in pairs)
        {
            if (value is null) continue; // removing what a new CI does not have changes nothing
            next[key] = value.DeepClone();
            provenance[FieldNames.Attribute(key)] = stamp;
        }

        return next;
    }
}
