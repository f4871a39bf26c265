using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>Seeded random creations: every optional field present or not, tags unsorted with repeats, attributes of every JSON kind.</summary>
internal static class CreationAuditFields
{
    private static readonly string[] Classes = [WellKnown.Classes.Application, WellKnown.Classes.LinuxServer, "Database", WellKnown.Classes.Process];
    private static readonly string[] Schemes = [WellKnown.Identifiers.CmdbKey, WellKnown.Identifiers.Fqdn, WellKnown.Identifiers.Serial, WellKnown.Identifiers.MachineId];

    public static (CiClass Class, CiFields Fields) Random(ModelCatalog model, int seed)
    {
        var random = new Random(seed);
        var ciClass = model.GetClass(Classes[random.Next(Classes.Length)]);
        bool Maybe() => random.Next(2) == 0;
        var attributes = new JsonObject();
        if (ciClass.Name == "Database" || Maybe()) attributes["engine"] = "postgres";
        for (var i = random.Next(6); i > 0; i--) attributes[$"{(char)('z' - random.Next(26))}{(Maybe() ? "_A" : "b")}{i}"] = AnyValue(random);
        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scheme in Schemes.OrderBy(_ => random.Next()).Take(random.Next(1, Schemes.Length + 1))) identifiers[scheme] = $"{scheme}-{seed}";
        return (ciClass, new CiFields
        {
            Name = $"ci {seed}",
            Status = Maybe() ? (CiStatus)random.Next(4) : null,
            Environment = Maybe() ? "prod" : null,
            Criticality = Maybe() ? random.Next(1, 5) : null,
            Owner = Maybe() ? "ann" : null,
            SupportGroup = Maybe() ? "ops" : null,
            MinHealthy = Maybe() ? random.Next(1, 9) : null,
            Tags = random.Next(3) switch { 0 => null, 1 => [], _ => ["web", "a", "web", "Z"] },
            Attributes = attributes.Count == 0 && Maybe() ? null : attributes,
            Identifiers = Maybe() ? identifiers : new SortedDictionary<string, string>(identifiers, StringComparer.Ordinal),
        });
    }

    private static JsonNode? AnyValue(Random random) => random.Next(7) switch
    {
        0 => null,
        1 => "text",
        2 => random.Next(-5, 500),
        3 => 1.50m,
        4 => random.Next(2) == 0,
        5 => new JsonArray(1, "two", new JsonObject { ["three"] = 3 }),
        _ => new JsonObject { ["nested"] = new JsonObject { ["deep"] = "x" }, ["n"] = 0.25 },
    };
}
