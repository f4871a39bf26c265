using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

public sealed class RelationshipMutationTests : SeededHostTests
{
    [Fact]
    public async Task RetireCi_CurrentVersion_RetiresAndKeepsRelationships()
    {
        var data = await Host.DataAsync($$"""mutation { retireCi(id: "{{T.Web02}}", expectedVersion: 1) { outcome ci { status relationships { type } } } }""");

        Assert.Equal("""{"outcome":"RETIRED","ci":{"status":"RETIRED","relationships":[{"type":"RUNS_ON"}]}}""", data["retireCi"]!.ToJsonString());
    }

    [Fact]
    public async Task UpsertRelationship_ByIdentifier_CreatesThenLeavesUnchanged()
    {
        const string mutation = """
            mutation { upsertRelationship(input: { type: "DEPENDS_ON", source: { scheme: "cmdb.key", value: "svc/shop" }, target: { scheme: "db.key", value: "orders" }, attributes: { note: "reports" } }) {
              outcome relationship { type source { name } target { name } attributes } } }
            """;

        var first = await Host.DataAsync(mutation);
        var second = await Host.DataAsync(mutation);

        Assert.Equal(
            """{"outcome":"CREATED","relationship":{"type":"DEPENDS_ON","source":{"name":"Online shop"},"target":{"name":"orders-db"},"attributes":{"note":"reports"}}}""",
            first["upsertRelationship"]!.ToJsonString());
        Assert.Equal("UNCHANGED", second["upsertRelationship"]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertRelationship_UnknownType_IsModelViolation()
    {
        var response = await Host.ExecuteAsync($$"""mutation { upsertRelationship(input: { type: "HUGS", source: { id: "{{T.Shop}}" }, target: { id: "{{T.Web01}}" } }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "HUGS");
    }

    [Fact]
    public async Task UpsertRelationship_TargetMissing_IsNotFound()
    {
        var response = await Host.ExecuteAsync($$"""mutation { upsertRelationship(input: { type: "DEPENDS_ON", source: { id: "{{T.Shop}}" }, target: { scheme: "fqdn", value: "ghost.acme.test" } }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.NotFound, "ghost.acme.test");
    }

    [Fact]
    public async Task UpsertRelationship_SelfLoop_IsModelViolation()
    {
        var response = await Host.ExecuteAsync($$"""mutation { upsertRelationship(input: { type: "DEPENDS_ON", source: { id: "{{T.Shop}}" }, target: { id: "{{T.Shop}}" } }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "to itself");
    }

    [Fact]
    public async Task UpsertRelationship_DisallowedEndpoint_IsModelViolation()
    {
        var response = await Host.ExecuteAsync($$"""mutation { upsertRelationship(input: { type: "RUNS_ON", source: { id: "{{T.Web01}}" }, target: { id: "{{T.OrdersDb}}" } }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "RUNS_ON");
    }

    [Fact]
    public async Task UpsertRelationship_ReferenceWithIdAndScheme_IsValidationError()
    {
        var response = await Host.ExecuteAsync($$"""mutation { upsertRelationship(input: { type: "DEPENDS_ON", source: { id: "{{T.Shop}}", scheme: "fqdn" }, target: { id: "{{T.Web01}}" } }) { outcome } }""");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "either an id or one identifier");
        Assert.Equal("input.source", error["extensions"]!["inputPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task RemoveRelationship_Then_RelationshipByIdShowsValidTo()
    {
        var rel = (await Host.Store.Inner.GetRelationshipsAsync([T.Shop], Domain.Relationships.Direction.Outgoing, null, null, default))[T.Shop][0];

        var data = await Host.DataAsync($$"""mutation { removeRelationship(id: "{{rel.Id}}") { outcome relationship { id validTo } } }""");
        var again = await Host.ExecuteAsync($$"""mutation { removeRelationship(id: "{{rel.Id}}") { outcome } }""");

        Assert.Equal("REMOVED", data["removeRelationship"]!["outcome"]!.GetValue<string>());
        Assert.NotNull(data["removeRelationship"]!["relationship"]!["validTo"]);
        ErrorAssert.Expect(again, CmdbErrorCodes.NotFound, "already removed");
    }

    [Fact]
    public async Task Mutation_AfterARead_LaterResultsSeeTheNewRelationship()
    {
        var data = await Host.DataAsync($$"""
            mutation {
              before: updateCi(id: "{{T.OrdersDb}}", expectedVersion: 1, input: { owner: "DBA" }) { ci { relationships { type } } }
              rel: upsertRelationship(input: { type: "DEPENDS_ON", source: { id: "{{T.Shop}}" }, target: { id: "{{T.OrdersDb}}" } }) { outcome }
              after: updateCi(id: "{{T.OrdersDb}}", expectedVersion: 2, input: { owner: "Data" }) { ci { relationships { type source { name } } } }
            }
            """);

        Assert.Single(data["before"]!["ci"]!["relationships"]!.AsArray());
        Assert.Equal(2, data["after"]!["ci"]!["relationships"]!.AsArray().Count);
    }
}
