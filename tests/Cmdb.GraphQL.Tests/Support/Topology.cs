using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.Tests.Support;

/// <summary>
/// A small estate written through the store, one write a minute: an online shop depends on the storefront, which
/// runs on two Linux servers and depends on the orders database.
/// </summary>
public sealed record Topology(string Shop, string Storefront, string Web01, string Web02, string OrdersDb, DateTimeOffset SeededAt)
{
    public static async Task<Topology> SeedAsync(GraphQLTestHost host)
    {
        var cis = await host.ApplyAsync(
            Ci(WellKnown.Classes.BusinessService, "Online shop", "svc/shop", tags: ["customer-facing"], owner: "Commerce"),
            Ci(WellKnown.Classes.Application, "Storefront", "app/storefront", attributes: new JsonObject { ["language"] = "kotlin" }),
            Ci(WellKnown.Classes.LinuxServer, "web-01", "web-01.acme.test", scheme: WellKnown.Identifiers.Fqdn, attributes: new JsonObject { ["cpu"] = 8 }),
            Ci(WellKnown.Classes.LinuxServer, "web-02", "web-02.acme.test", scheme: WellKnown.Identifiers.Fqdn, attributes: new JsonObject { ["cpu"] = 4 }),
            Ci(WellKnown.Classes.Database, "orders-db", "orders", scheme: "db.key", attributes: new JsonObject { ["engine"] = "postgres" }));
        var ids = cis.Results.Select(r => r.EntityId).ToArray();
        var result = await host.ApplyAsync(
            Rel(WellKnown.RelationshipTypes.DependsOn, ids[0], ids[1]),
            Rel(WellKnown.RelationshipTypes.RunsOn, ids[1], ids[2]),
            Rel(WellKnown.RelationshipTypes.RunsOn, ids[1], ids[3]),
            Rel(WellKnown.RelationshipTypes.DependsOn, ids[1], ids[4]));
        return new Topology(ids[0], ids[1], ids[2], ids[3], ids[4], result.CommittedAt);
    }

    public static UpsertCi Ci(
        string ciClass, string name, string key, string scheme = WellKnown.Identifiers.CmdbKey, string[]? tags = null,
        string? owner = null, JsonObject? attributes = null) =>
        new(null, ciClass, new CiFields
        {
            Name = name,
            Environment = "production",
            Criticality = 2,
            Owner = owner,
            Tags = tags,
            Attributes = attributes,
            Identifiers = new Dictionary<string, string> { [scheme] = key },
        });

    public static UpsertRelationship Rel(string type, string source, string target) => new(type, CiRef.ById(source), CiRef.ById(target), null);
}
