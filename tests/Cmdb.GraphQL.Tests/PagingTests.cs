using System.Text.Json.Nodes;
using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

public sealed class PagingTests : SeededHostTests
{
    [Fact]
    public async Task Cis_PagesOfTwo_VisitEveryCiOnceInIdOrder()
    {
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var data = await Host.DataAsync(
                """query($after: String) { cis(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""",
                after is null ? null : new JsonObject { ["after"] = after }.ToJsonString());
            var connection = data["cis"]!;
            Assert.Equal(5, connection["totalCount"]!.GetValue<int>());
            seen.AddRange(connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            pages++;
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(3, pages);
        Assert.Equal(new[] { T.Shop, T.Storefront, T.Web01, T.Web02, T.OrdersDb }.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Cis_FilterByAbstractAncestorClass_MatchesSubclasses()
    {
        var data = await Host.DataAsync("""{ cis(filter: { classes: ["Computer"] }) { totalCount edges { node { name } } } }""");

        Assert.Equal(2, data["cis"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["web-01", "web-02"], data["cis"]!["edges"]!.AsArray().Select(e => e!["node"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cis_FilterByAttributeAndTag_MatchesOnlyThose()
    {
        var byAttribute = await Host.DataAsync("""{ cis(filter: { attributes: [{ name: "cpu", value: "8" }] }) { edges { node { name } } } }""");
        var byTag = await Host.DataAsync("""{ cis(filter: { tags: ["customer-facing"], statuses: [ACTIVE] }) { edges { node { name } } } }""");

        Assert.Equal("""[{"node":{"name":"web-01"}}]""", byAttribute["cis"]!["edges"]!.ToJsonString());
        Assert.Equal("""[{"node":{"name":"Online shop"}}]""", byTag["cis"]!["edges"]!.ToJsonString());
    }

    [Fact]
    public async Task Cis_UnknownClassInFilter_IsModelViolation()
    {
        var response = await Host.ExecuteAsync("""{ cis(filter: { classes: ["Spaceship"] }) { totalCount } }""");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.ModelViolation, "Unknown class 'Spaceship'");
        Assert.Equal("filter.classes", error["extensions"]!["inputPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cis_SameAttributeTwice_IsValidationError()
    {
        var response = await Host.ExecuteAsync("""{ cis(filter: { attributes: [{ name: "cpu", value: "8" }, { name: "cpu", value: "4" }] }) { totalCount } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "names attribute 'cpu' twice");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100000)]
    public async Task Cis_FirstOutOfRange_IsValidationErrorNamingTheLimit(int first)
    {
        var response = await Host.ExecuteAsync($$"""{ cis(first: {{first}}) { totalCount } }""");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.Validation, $"first must be between 1 and 500, not {first}");
        Assert.Equal("first", error["extensions"]!["inputPath"]!.GetValue<string>());
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task Cis_ForgedCursor_IsValidationError()
    {
        var response = await Host.ExecuteAsync("""{ cis(first: 2, after: "not-a-cursor") { totalCount } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "cursor");
    }

    [Fact]
    public async Task Cis_FirstAsString_IsValidationErrorFromTheDocument()
    {
        var response = await Host.ExecuteAsync("""{ cis(first: "ten") { totalCount } }""");

        var error = ErrorAssert.One(response);
        Assert.Equal(CmdbErrorCodes.Validation, ErrorAssert.Code(error));
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", error["extensions"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cis_UnknownField_IsValidationError()
    {
        var response = await Host.ExecuteAsync("""{ cis { edges { node { colour } } } }""");

        var error = ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "colour");
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", error["extensions"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_PagesNewestFirst()
    {
        var first = await Host.DataAsync($$"""{ history(ciId: "{{T.Storefront}}", first: 1) { totalCount edges { node { operation entityKind } } pageInfo { hasNextPage endCursor } } }""");
        var cursor = first["history"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var rest = await Host.DataAsync($$"""{ history(ciId: "{{T.Storefront}}", first: 50, after: "{{cursor}}") { edges { node { operation } } pageInfo { hasNextPage } } }""");

        var total = first["history"]!["totalCount"]!.GetValue<int>();
        Assert.True(total >= 2, first.ToJsonString());
        Assert.True(first["history"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(total - 1, rest["history"]!["edges"]!.AsArray().Count);
        Assert.Equal("create", rest["history"]!["edges"]!.AsArray()[^1]!["node"]!["operation"]!.GetValue<string>());
        Assert.False(rest["history"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }
}
