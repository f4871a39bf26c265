using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

public sealed class CiMutationTests : SeededHostTests
{
    [Fact]
    public async Task UpsertCi_NewCi_IsCreatedAndAuditedUnderTheHostsActor()
    {
        var data = await Host.DataAsync("""
            mutation { upsertCi(input: { class: "Cache", name: "redis-01", criticality: 1, tags: ["b", "a"],
                attributes: { maxMemoryMb: 512 }, identifiers: [{ scheme: "cache.key", value: "redis-01" }] }) {
              outcome ci { class name status criticality tags attributes version history { edges { node { actor operation } } } } } }
            """, actor: new Actor(ActorKind.User, "alice"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            { "outcome": "CREATED", "ci": { "class": "Cache", "name": "redis-01", "status": "ACTIVE", "criticality": 1, "tags": ["a", "b"],
              "attributes": { "maxMemoryMb": 512 }, "version": 1,
              "history": { "edges": [ { "node": { "actor": "user:alice", "operation": "create" } } ] } } }
            """), data["upsertCi"]), data.ToJsonString());
    }

    [Fact]
    public async Task UpsertCi_NoActorInUserContext_IsAuditedAsAnonymous()
    {
        var data = await Host.DataAsync("""
            mutation { upsertCi(input: { class: "Cache", name: "redis-02", identifiers: [{ scheme: "cache.key", value: "redis-02" }] }) {
              ci { history { edges { node { actor } } } } } }
            """);

        Assert.Equal("user:anonymous", data["upsertCi"]!["ci"]!["history"]!["edges"]![0]!["node"]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertCi_SameIdentifierAgain_MatchesTheExistingCi()
    {
        var data = await Host.DataAsync("""
            mutation { upsertCi(input: { class: "LinuxServer", identifiers: [{ scheme: "fqdn", value: "web-01.acme.test" }], owner: "Ops" }) { outcome ci { id name owner version } } }
            """);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse($$"""{ "outcome": "UPDATED", "ci": { "id": "{{T.Web01}}", "name": "web-01", "owner": "Ops", "version": 2 } }"""),
            data["upsertCi"]));
    }

    [Fact]
    public async Task UpsertCi_UnknownClass_IsModelViolationNamingTheInput()
    {
        var response = await Host.ExecuteAsync("""mutation { upsertCi(input: { class: "Spaceship", name: "x" }) { outcome } }""");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "Spaceship");
        Assert.StartsWith("input", error["extensions"]!["inputPath"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, await CountCisAsync());
    }

    [Fact]
    public async Task UpsertCi_AbstractClass_IsModelViolation()
    {
        var response = await Host.ExecuteAsync("""mutation { upsertCi(input: { class: "Computer", name: "x", identifiers: [{ scheme: "fqdn", value: "x.acme.test" }] }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "abstract");
    }

    [Fact]
    public async Task UpsertCi_MissingRequiredAttribute_IsModelViolation()
    {
        var response = await Host.ExecuteAsync("""mutation { upsertCi(input: { class: "Database", name: "db", identifiers: [{ scheme: "db.key", value: "db" }] }) { outcome } }""");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "engine");
        Assert.EndsWith("attributes.engine", error["extensions"]!["inputPath"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertCi_AttributesNotAnObject_IsValidationError()
    {
        var response = await Host.ExecuteAsync("""mutation { upsertCi(input: { class: "Cache", name: "c", attributes: [1, 2] }) { outcome } }""");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "input.attributes must be a JSON object");
        Assert.Equal("input.attributes", error["extensions"]!["inputPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertCi_CriticalityOutOfRange_IsValidationError()
    {
        var response = await Host.ExecuteAsync("""mutation { upsertCi(input: { class: "Cache", name: "c", criticality: 9 }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "criticality must be 1 (most critical) to 4, not 9");
        Assert.Equal(5, await CountCisAsync());
    }

    [Fact]
    public async Task UpsertCi_UnknownInputField_IsValidationError()
    {
        var response = await Host.ExecuteAsync("""mutation { upsertCi(input: { class: "Cache", name: "c", colour: "red" }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "colour");
    }

    [Fact]
    public async Task UpsertCi_WrongTypeInVariables_IsValidationError()
    {
        var response = await Host.ExecuteAsync(
            """mutation($input: CiInput!) { upsertCi(input: $input) { outcome } }""",
            """{ "input": { "class": "Cache", "name": "c", "criticality": "high" } }""");

        Assert.Equal(CmdbErrorCodes.Validation, ErrorAssert.Code(ErrorAssert.One(response)));
        Assert.Equal(5, await CountCisAsync());
    }

    [Fact]
    public async Task UpdateCi_StaleExpectedVersion_IsConflictAndWritesNothing()
    {
        await Host.ApplyAsync(new Domain.Storage.UpdateCi(T.Web02, 1, new CiFields { Owner = "Ops" }));

        var response = await Host.ExecuteAsync($$"""mutation { updateCi(id: "{{T.Web02}}", expectedVersion: 1, input: { name: "renamed" }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Conflict, "version");
        var data = await Host.DataAsync($$"""{ ci(id: "{{T.Web02}}") { name version } }""");
        Assert.Equal("""{"name":"web-02","version":2}""", data["ci"]!.ToJsonString());
    }

    [Fact]
    public async Task UpdateCi_UnknownId_IsNotFound()
    {
        var response = await Host.ExecuteAsync("""mutation { updateCi(id: "01JUNKNOWN0000000000000000", expectedVersion: 1, input: { name: "x" }) { outcome } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.NotFound, "does not exist");
    }

    [Fact]
    public async Task Mutations_InOneRequest_RunInOrderAndEachSeesTheOneBefore()
    {
        var data = await Host.DataAsync($$"""
            mutation {
              a: updateCi(id: "{{T.Web01}}", expectedVersion: 1, input: { owner: "Ops" }) { ci { version } }
              c: updateCi(id: "{{T.Web01}}", expectedVersion: 2, input: { owner: "Platform" }) { ci { version owner } }
            }
            """);

        Assert.Equal(2, data["a"]!["ci"]!["version"]!.GetValue<int>());
        Assert.Equal("""{"version":3,"owner":"Platform"}""", data["c"]!["ci"]!.ToJsonString());
    }

    private async Task<int> CountCisAsync() => (await Host.DataAsync("{ cis { totalCount } }"))["cis"]!["totalCount"]!.GetValue<int>();
}
