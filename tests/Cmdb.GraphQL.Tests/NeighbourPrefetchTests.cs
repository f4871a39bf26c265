using System.Text.Json.Nodes;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

/// <summary><c>ci(id){ neighbours { ci } }</c> reads the start and its neighbours in one store call, with the same answer.</summary>
public sealed class NeighbourPrefetchTests : SeededHostTests
{
    [Theory]
    [InlineData("neighbours { ci { name } }")]
    [InlineData("neighbours(depth: 1) { ci { name } }")]
    [InlineData("neighbours(depth: 2) { depth ci { name } }")]
    public async Task Ci_WithNeighbourCis_ReadsTheStoreOnce(string selection)
    {
        Host.Store.Reset();

        var data = await Host.DataAsync($$"""query($id: ID!) { ci(id: $id) { name {{selection}} } }""", $$"""{ "id": "{{T.Storefront}}" }""");

        Assert.Equal("Storefront", data["ci"]!["name"]!.GetValue<string>());
        Assert.NotEmpty(data["ci"]!["neighbours"]!.AsArray());
        Assert.Equal(1, Host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
    }

    [Theory]
    [InlineData("neighbours(depth: 1) { ci { name } }")]
    [InlineData("neighbours(depth: 2) { ci { name } }")]
    [InlineData("neighbours(direction: OUTGOING) { ci { name } }")]
    [InlineData("neighbours(types: [\"RUNS_ON\"]) { ci { name } }")]
    [InlineData("... on ConfigurationItem { neighbours { ci { name } } }")]
    public async Task Ci_WithNeighbourCis_AnswersAsTheFieldItselfWould(string selection)
    {
        var viaRoot = await Host.DataAsync($$"""query($id: ID!) { ci(id: $id) { {{selection}} } }""", $$"""{ "id": "{{T.Storefront}}" }""");
        var viaList = await Host.DataAsync($$"""{ cis(filter: { classes: ["Application"] }) { edges { node { name {{selection}} } } } }""");

        var expected = viaList["cis"]!["edges"]!.AsArray().Select(e => e!["node"]!).Single(n => n["name"]!.GetValue<string>() == "Storefront");
        Assert.True(JsonNode.DeepEquals(Names(expected), Names(viaRoot["ci"]!)), viaRoot.ToJsonString());
    }

    [Fact]
    public async Task Ci_UnknownId_WithNeighbours_IsNullAndReadsOnce()
    {
        Host.Store.Reset();

        var data = await Host.DataAsync("""{ ci(id: "01ZZZZZZZZZZZZZZZZZZZZZZZZ") { neighbours { ci { name } } } }""");

        Assert.Null(data["ci"]);
        Assert.Equal(1, Host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
    }

    [Fact]
    public async Task Ci_AsOfBeforeItExisted_WithNeighbours_IsNull()
    {
        var before = T.SeededAt.AddYears(-1).ToString("O");

        var data = await Host.DataAsync($$"""{ ci(id: "{{T.Storefront}}", asOf: "{{before}}") { neighbours { ci { name } } } }""");

        Assert.Null(data["ci"]);
    }

    private static JsonArray Names(JsonNode ci) =>
        [.. ci["neighbours"]!.AsArray().Select(n => n!["ci"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).Select(n => JsonValue.Create(n))];
}
