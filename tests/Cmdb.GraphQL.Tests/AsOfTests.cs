using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

public sealed class AsOfTests : SeededHostTests
{
    [Fact]
    public async Task Ci_AsOfBeforeAChange_ReadsTheCiAndItsNestedFieldsAtThatMoment()
    {
        var before = Host.Time.GetUtcNow();
        await Host.ApplyAsync(new UpdateCi(T.Web01, 1, new CiFields { Name = "web-01-renamed" }));
        var server = await Host.ApplyAsync(Topology.Ci(Domain.Model.WellKnown.Classes.LinuxServer, "web-03", "web-03.acme.test", scheme: "fqdn"));
        await Host.ApplyAsync(Topology.Rel(Domain.Model.WellKnown.RelationshipTypes.RunsOn, T.Storefront, server.Results[0].EntityId));

        var query = """
            query($at: DateTime) { ci(id: "ID", asOf: $at) { asOf relationships(direction: OUTGOING, types: ["RUNS_ON"]) { target { name asOf } } } }
            """.Replace("ID", T.Storefront, StringComparison.Ordinal);
        var past = await Host.DataAsync(query, new JsonObject { ["at"] = before.ToString("O") }.ToJsonString());
        var now = await Host.DataAsync(query);

        Assert.Equal(["web-01", "web-02"], Names(past));
        Assert.All(past["ci"]!["relationships"]!.AsArray(), r => Assert.NotNull(r!["target"]!["asOf"]));
        Assert.Equal(["web-01-renamed", "web-02", "web-03"], Names(now));
        Assert.Null(now["ci"]!["asOf"]);
    }

    [Fact]
    public async Task Cis_AsOfBeforeTheFirstWrite_IsEmpty()
    {
        var data = await Host.DataAsync("""{ cis(asOf: "2025-01-01T00:00:00Z") { totalCount edges { node { id } } } }""");

        Assert.Equal("""{"totalCount":0,"edges":[]}""", data["cis"]!.ToJsonString());
    }

    [Fact]
    public async Task Ci_AsOfMalformedDate_IsValidationError()
    {
        var response = await Host.ExecuteAsync($$"""{ ci(id: "{{T.Shop}}", asOf: "yesterday") { name } }""");

        Assert.Equal(CmdbErrorCodes.Validation, ErrorAssert.Code(ErrorAssert.One(response)));
    }

    [Fact]
    public async Task Diff_BetweenTwoMoments_ListsFieldChangesAndRelationshipsAddedAndRemoved()
    {
        var from = Host.Time.GetUtcNow();
        await Host.ApplyAsync(new UpdateCi(T.Storefront, 1, new CiFields { Owner = "Web team", Attributes = new JsonObject { ["language"] = null, ["tier"] = "front" } }));
        var dependsOn = (await Host.Store.Inner.GetRelationshipsAsync([T.Storefront], Domain.Relationships.Direction.Outgoing, ["DEPENDS_ON"], null, default))[T.Storefront][0];
        await Host.ApplyAsync(new RemoveRelationship(dependsOn.Id));
        var to = Host.Time.GetUtcNow();

        var data = await Host.DataAsync($$"""
            { diff(ciId: "{{T.Storefront}}", from: "{{from:O}}", to: "{{to:O}}") {
                before { owner } after { owner }
                fieldChanges { field before after }
                relationshipsAdded { id }
                relationshipsRemoved { type target { name } }
            } }
            """);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "before": { "owner": null }, "after": { "owner": "Web team" },
              "fieldChanges": [
                { "field": "owner", "before": null, "after": "Web team" },
                { "field": "attributes.language", "before": "kotlin", "after": null },
                { "field": "attributes.tier", "before": null, "after": "front" }
              ],
              "relationshipsAdded": [],
              "relationshipsRemoved": [ { "type": "DEPENDS_ON", "target": { "name": "orders-db" } } ] }
            """), data["diff"]), data.ToJsonString());
    }

    [Fact]
    public async Task Diff_FromAfterTo_IsValidationError()
    {
        var response = await Host.ExecuteAsync($$"""{ diff(ciId: "{{T.Shop}}", from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { ciId } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "must not be after");
    }

    [Fact]
    public async Task Diff_UnknownCi_IsNotFound()
    {
        var response = await Host.ExecuteAsync("""{ diff(ciId: "01JUNKNOWN0000000000000000", from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { ciId } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.NotFound, "did not exist");
    }

    private static string[] Names(JsonObject data) =>
        data["ci"]!["relationships"]!.AsArray().Select(r => r!["target"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
}
