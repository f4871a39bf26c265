using System.Text.Json;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Import;

public static partial class ImportDocumentReader
{
    private static readonly string[] RelationshipProperties = ["type", "source", "target", "attributes"];

    private static UpsertRelationship ReadRelationship(JsonElement e, string path)
    {
        StrictJson.EnsureObject(e, path, "A relationships entry");
        StrictJson.EnsureKnownProperties(e, path, RelationshipProperties);
        var type = ModelName(e, "type", path);
        var source = ReadReference(e, "source", path);
        var target = ReadReference(e, "target", path);
        var attributes = StrictJson.OptionalObject(e, "attributes", path);

        // Relationship attributes obey the same name and size limits as a CI's.
        if (attributes is not null) CiRules.Validate(new CiFields { Attributes = attributes }, path);
        return new UpsertRelationship(type, source, target, attributes) { Path = path };
    }

    private static CiRef ReadReference(JsonElement e, string property, string path)
    {
        var at = CiRules.At(path, property);
        if (StrictJson.Optional(e, property) is not { } v) throw CmdbException.Invalid($"{path} lacks '{property}'.", at);
        StrictJson.EnsureObject(v, at, property);
        var count = 0;
        foreach (var _ in v.EnumerateObject()) count++;
        if (count != 1)
        {
            throw CmdbException.Invalid(
                $"{property} must name its CI by exactly one key, either {{\"id\": \"…\"}} or one identifier such as {{\"fqdn\": \"…\"}}; it has {count}.",
                at);
        }

        var key = v.EnumerateObject().First();
        var keyPath = $"{at}.{StrictJson.Display(key.Name)}";
        var value = StrictJson.String(key.Value, keyPath, $"{property}.{StrictJson.Display(key.Name)}");
        CiRef reference;
        if (key.Name == "id")
        {
            reference = CiRef.ById(CiId(value, keyPath));
        }
        else
        {
            CiRules.ValidateIdentifier(key.Name, value, keyPath);
            reference = CiRef.ByIdentifier(key.Name, value);
        }

        reference.EnsureWellFormed(at);
        return reference;
    }
}
