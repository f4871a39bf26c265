using System.Text.Json;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;

namespace Cmdb.Domain.Import;

public static partial class ImportDocumentReader
{
    private static readonly string[] CiProperties =
    [
        "id", "class", "name", "status", "environment", "criticality", "owner", "supportGroup", "tags", "attributes",
        "identifiers", "minHealthy",
    ];

    private static UpsertCi ReadCi(JsonElement e, string path)
    {
        StrictJson.EnsureObject(e, path, "A cis entry");
        StrictJson.EnsureKnownProperties(e, path, CiProperties);
        var id = StrictJson.OptionalString(e, "id", path) is { } given ? CiId(given, CiRules.At(path, "id")) : null;
        var ciClass = ModelName(e, "class", path);
        var fields = new CiFields
        {
            Name = StrictJson.RequiredString(e, "name", path),
            Status = ReadStatus(e, path),
            Environment = StrictJson.OptionalString(e, "environment", path),
            Criticality = StrictJson.OptionalInt(e, "criticality", path),
            Owner = StrictJson.OptionalString(e, "owner", path),
            SupportGroup = StrictJson.OptionalString(e, "supportGroup", path),
            Tags = StrictJson.OptionalStringArray(e, "tags", path),
            Attributes = StrictJson.OptionalObject(e, "attributes", path),
            Identifiers = ReadIdentifiers(e, path),
            MinHealthy = StrictJson.OptionalInt(e, "minHealthy", path),
        };
        if (id is null && fields.Identifiers!.Count == 0)
        {
            throw CmdbException.Invalid(
                $"{path} has no identifiers and no id; every imported CI needs an identity (for example \"identifiers\": {{\"cmdb.key\": \"…\"}}) so that importing again updates it instead of creating a copy.",
                CiRules.At(path, "identifiers"));
        }

        CiRules.Validate(fields, path);
        return new UpsertCi(id, ciClass, fields) { Path = path };
    }

    private static CiStatus? ReadStatus(JsonElement e, string path)
    {
        var value = StrictJson.OptionalString(e, "status", path);
        return value?.ToUpperInvariant() switch
        {
            null => null,
            "PLANNED" => CiStatus.Planned,
            "ACTIVE" => CiStatus.Active,
            "MAINTENANCE" => CiStatus.Maintenance,
            "RETIRED" => CiStatus.Retired,
            _ => throw CmdbException.Invalid(
                $"status '{StrictJson.Display(value)}' is not one of planned, active, maintenance, retired.", CiRules.At(path, "status")),
        };
    }

    private static SortedDictionary<string, string> ReadIdentifiers(JsonElement e, string path)
    {
        var identifiers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (StrictJson.Optional(e, "identifiers") is not { } v) return identifiers;
        var at = CiRules.At(path, "identifiers");
        if (v.ValueKind != JsonValueKind.Object)
            throw CmdbException.Invalid($"identifiers must be an object of scheme to value, not {JsonKinds.Describe(v.ValueKind)}.", at);
        foreach (var p in v.EnumerateObject())
        {
            var scheme = StrictJson.Display(p.Name);
            var value = StrictJson.String(p.Value, $"{at}.{scheme}", $"identifier '{scheme}'");
            if (!identifiers.TryAdd(p.Name, value))
                throw CmdbException.Invalid($"identifier '{scheme}' appears twice in {path}.", $"{at}.{scheme}");
        }

        return identifiers;
    }
}
