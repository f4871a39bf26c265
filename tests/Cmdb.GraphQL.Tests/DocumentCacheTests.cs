using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Execution;
using Cmdb.GraphQL.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.GraphQL.Tests;

/// <summary>The validated-document cache must change nothing a client can see, except speed.</summary>
public sealed class DocumentCacheTests : SeededHostTests
{
    private const string ById = "query($id: ID!) { ci(id: $id) { name neighbours(depth: 1) { ci { name } } } }";

    private ValidatedDocumentCache Cache => Host.Services.GetRequiredService<ValidatedDocumentCache>();

    [Fact]
    public async Task SameDocument_DifferentVariables_EachRequestGetsItsOwnAnswer()
    {
        var first = await Host.DataAsync(ById, $$"""{ "id": "{{T.Storefront}}" }""");
        var second = await Host.DataAsync(ById, $$"""{ "id": "{{T.OrdersDb}}" }""");
        var third = await Host.DataAsync(ById, """{ "id": "01ZZZZZZZZZZZZZZZZZZZZZZZZ" }""");

        Assert.Equal("Storefront", first["ci"]!["name"]!.GetValue<string>());
        Assert.Equal("orders-db", second["ci"]!["name"]!.GetValue<string>());
        Assert.Null(third["ci"]);
        Assert.Equal(1, Cache.Count);
    }

    [Fact]
    public async Task ExecutionError_OnACachedDocument_DoesNotLeakIntoTheNextRequest()
    {
        var failed = await Host.ExecuteAsync(ById, """{ "id": " " }""");
        var succeeded = await Host.ExecuteAsync(ById, $$"""{ "id": "{{T.Web01}}" }""");

        ErrorAssert.Expect(failed, CmdbErrorCodes.Validation, "id must be 1 to 128 characters");
        Assert.Null(succeeded["errors"]);
        Assert.Equal("web-01", succeeded["data"]!["ci"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvalidDocument_StaysInvalidOnEveryRepeat_AndIsNotKept()
    {
        for (var i = 0; i < 3; i++)
        {
            var response = await Host.ExecuteAsync("{ noSuchField }");

            Assert.Contains("noSuchField", ErrorAssert.Message(ErrorAssert.One(response)), StringComparison.Ordinal);
            Assert.Null(response["data"]);
        }

        Assert.Equal(0, Cache.Count);
    }

    [Fact]
    public async Task SyntaxError_StaysASyntaxErrorOnRepeat()
    {
        var first = await Host.ExecuteAsync("{ ci(id: ");
        var second = await Host.ExecuteAsync("{ ci(id: ");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Single(first["errors"]!.AsArray());
        Assert.Equal(0, Cache.Count);
    }

    [Fact]
    public async Task WrongVariables_OnACachedDocument_AreStillRefused()
    {
        await Host.DataAsync(ById, $$"""{ "id": "{{T.Storefront}}" }""");

        var missing = await Host.ExecuteAsync(ById);
        var wrongType = await Host.ExecuteAsync(ById, """{ "id": { "nested": true } }""");

        Assert.Contains("$id", ErrorAssert.Message(ErrorAssert.One(missing)), StringComparison.Ordinal);
        Assert.Contains("$id", ErrorAssert.Message(ErrorAssert.One(wrongType)), StringComparison.Ordinal);
        Assert.Null(missing["data"]);
    }

    [Fact]
    public async Task OperationName_SelectsEachOperationOfOneCachedDocument()
    {
        const string document = "query Names { ci_: cis(first: 1) { totalCount } } query Typename { __typename }";

        var names = await Host.DataAsync(document, operationName: "Names");
        var typename = await Host.DataAsync(document, operationName: "Typename");
        var unknown = await Host.ExecuteAsync(document, operationName: "Missing");
        var none = await Host.ExecuteAsync(document);

        Assert.True(names.ContainsKey("ci_"));
        Assert.Equal("Query", typename["__typename"]!.GetValue<string>());
        Assert.Contains("Missing", ErrorAssert.Message(ErrorAssert.One(unknown)), StringComparison.Ordinal);
        Assert.Null(unknown["data"]);
        Assert.Single(none["errors"]!.AsArray());
        Assert.Equal(1, Cache.Count);
    }

    [Fact]
    public async Task Complexity_DependsOnVariables_AndIsCheckedOnEveryRequest()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.MaxComplexity = 100);
        const string query = "query($n: Int) { cis(first: $n) { edges { node { name relationships { target { name } } } } } }";

        var small = await host.ExecuteAsync(query, """{ "n": 1 }""");
        var large = await host.ExecuteAsync(query, """{ "n": 500 }""");

        Assert.Null(small["errors"]);
        ErrorAssert.Expect(large, CmdbErrorCodes.Validation, "too complex");
        Assert.Equal(1, host.Services.GetRequiredService<ValidatedDocumentCache>().Count);
    }

    [Fact]
    public async Task DocumentCacheSize_Zero_KeepsNothing()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.DocumentCacheSize = 0);

        await host.DataAsync("{ __typename }");
        await host.DataAsync("{ __typename }");

        Assert.Equal(0, host.Services.GetRequiredService<ValidatedDocumentCache>().Count);
    }

    [Fact]
    public async Task DocumentCacheSize_Full_StartsOverRatherThanGrowing()
    {
        await using var host = await GraphQLTestHost.StartAsync(o => o.DocumentCacheSize = 20);

        await host.DataAsync("{ __typename }");
        await host.DataAsync("{ a: __typename }");
        var again = await host.DataAsync("{ __typename }");

        Assert.Equal("Query", again["__typename"]!.GetValue<string>());
        Assert.Equal(1, host.Services.GetRequiredService<ValidatedDocumentCache>().Count);
    }
}
