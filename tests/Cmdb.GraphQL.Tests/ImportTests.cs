using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

public sealed class ImportTests : IAsyncLifetime
{
    private const string ImportMutation = """mutation($doc: JSON!) { importGraph(document: $doc) { created updated unchanged relationshipsCreated relationshipsUnchanged } }""";
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GraphQLTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ImportGraph_Document_CreatesCisAndRelationshipsAndIsIdempotent()
    {
        var variables = """
            { "doc": {
                "cis": [
                  { "class": "Application", "name": "Checkout", "identifiers": { "cmdb.key": "app/checkout" } },
                  { "class": "Cache", "name": "redis", "identifiers": { "cache.key": "redis" } }
                ],
                "relationships": [
                  { "type": "DEPENDS_ON", "source": { "cmdb.key": "app/checkout" }, "target": { "cache.key": "redis" } }
                ] } }
            """;

        var first = await _host.DataAsync(ImportMutation, variables);
        var second = await _host.DataAsync(ImportMutation, variables);

        Assert.Equal("""{"created":2,"updated":0,"unchanged":0,"relationshipsCreated":1,"relationshipsUnchanged":0}""", first["importGraph"]!.ToJsonString());
        Assert.Equal("""{"created":0,"updated":0,"unchanged":2,"relationshipsCreated":0,"relationshipsUnchanged":1}""", second["importGraph"]!.ToJsonString());
    }

    [Fact]
    public async Task ImportGraph_CisNotAnArray_IsValidationErrorWithPath()
    {
        var response = await _host.ExecuteAsync(ImportMutation, """{ "doc": { "cis": { "class": "Application" } } }""");

        var error = ErrorAssert.One(response);
        Assert.Equal(CmdbErrorCodes.Validation, ErrorAssert.Code(error));
        Assert.Contains("cis", ErrorAssert.Message(error), StringComparison.Ordinal);
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task ImportGraph_DocumentNotAnObject_IsValidationError()
    {
        var response = await _host.ExecuteAsync("""mutation { importGraph(document: [1, 2]) { created } }""");

        Assert.Equal(CmdbErrorCodes.Validation, ErrorAssert.Code(ErrorAssert.One(response)));
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task ImportGraph_LastRelationshipBreaksTheModel_LeavesTheStoreUnchanged()
    {
        var response = await _host.ExecuteAsync(ImportMutation, """
            { "doc": {
                "cis": [
                  { "class": "Application", "name": "Checkout", "identifiers": { "cmdb.key": "app/checkout" } },
                  { "class": "Cache", "name": "redis", "identifiers": { "cache.key": "redis" } }
                ],
                "relationships": [
                  { "type": "DEPENDS_ON", "source": { "cmdb.key": "app/checkout" }, "target": { "cache.key": "redis" } },
                  { "type": "HUGS", "source": { "cmdb.key": "app/checkout" }, "target": { "cache.key": "redis" } }
                ] } }
            """);

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "HUGS");
        Assert.Contains("relationships[1]", error["extensions"]!["inputPath"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertEmptyAsync();
    }

    private async Task AssertEmptyAsync()
    {
        var data = await _host.DataAsync("""{ cis { totalCount } search(text: "Checkout") { score } }""");
        Assert.Equal("""{"cis":{"totalCount":0},"search":[]}""", data.ToJsonString());
    }
}
