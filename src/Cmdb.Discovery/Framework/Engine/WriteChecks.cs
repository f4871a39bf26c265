using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Discovery.Framework.Engine;

/// <summary>
/// The checks <see cref="CiMerge.Apply(ModelCatalog, CiClass, ConfigurationItem?, string, CiFields, AttributeProvenance, string?)"/> makes before it merges, with the same errors, without building the merged CI,
/// its provenance and its audit changes: a real run only needs to know up front that the store will accept a write
/// (so one bad item is reported alone and does not fail its batch), and the store merges the write itself.
/// </summary>
/// <remarks>
/// Kept in step with <see cref="CiMerge.Apply(ModelCatalog, CiClass, ConfigurationItem?, string, CiFields, AttributeProvenance, string?)"/>: <c>WriteChecksTests</c> feeds both the same invalid writes and
/// expects the same error.
/// </remarks>
internal static class WriteChecks
{
    public static void EnsureValid(ModelCatalog model, CiClass ciClass, ConfigurationItem? existing, CiFields fields, string? path)
    {
        CiRules.Validate(fields, path);
        if (ciClass.Abstract)
            throw CmdbException.Model($"Class '{ciClass.Name}' is abstract; choose one of its subclasses.", At(path, "class"));
        if (existing is not null && existing.Class != ciClass.Name)
            throw CmdbException.Model($"CI {existing.Id} is a {existing.Class}; its class cannot change to {ciClass.Name}.", At(path, "class"));
        if (existing is null && fields.Name is null)
            throw CmdbException.Invalid("A new CI needs a name.", At(path, "name"));

        // Indexed: the list's enumerator through its interface was a boxed object per planned write.
        var requiredAttributes = model.RequiredAttributes(ciClass);
        for (var i = 0; i < requiredAttributes.Count; i++)
        {
            var required = requiredAttributes[i];
            if (After(existing?.Attributes, fields.Attributes, required) is null)
                throw CmdbException.Model($"A {ciClass.Name} needs the attribute '{required}'.", At(path, $"attributes.{required}"));
        }
    }

    // As CiRules.At (internal to the Domain).
    private static string At(string? path, string field) => path is null ? field : $"{path}.{field}";

    // The attribute after the merge: a requested value (a JSON null removes it), else the current one.
    private static JsonNode? After(JsonObject? current, JsonObject? requested, string key) =>
        requested is not null && requested.TryGetPropertyValue(key, out var value) ? value : current?[key];
}
