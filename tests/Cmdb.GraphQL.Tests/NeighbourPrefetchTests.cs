using System.Text.Json.Nodes;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

/// <summary>
/// <c>ci(id){ neighbours { ci } }</c> reads the start and its neighbours in one store call, with the same answer; when
/// they select only id, class and name (and graph fields), that call reads headers, not documents.
/// </summary>
public sealed class NeighbourPrefetchTests : SeededHostTests
{
    [Theory]
    [InlineData("neighbours { ci { name } }")]
    [InlineData("neighbours(depth: 1) { ci { name } }")]
    [InlineData("neighbours(depth: 2) { depth ci { id class name } }")]
    public async Task Ci_WithNeighbourNames_ReadsOnlyHeadersOnce(string selection)
    {
        Host.Store.Reset();

        var data = await Host.DataAsync($$"""query($id: ID!) { ci(id: $id) { name {{selection}} } }""", $$"""{ "id": "{{T.Storefront}}" }""");

        Assert.Equal("Storefront", data["ci"]!["name"]!.GetValue<string>());
        Assert.NotEmpty(data["ci"]!["neighbours"]!.AsArray());
        Assert.Equal(1, Host.Store.Calls(nameof(ICmdbStore.GetCiHeadersAsync)));
        Assert.Equal(0, Host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
    }

    [Theory]
    [InlineData("status", "neighbours { ci { status } }")]
    [InlineData("name", "neighbours { ci { name attributes } }")]
    [InlineData("attributes", "neighbours(depth: 2) { ci { version } }")]
    public async Task Ci_WithNeighbourDocuments_ReadsWholeCisOnce(string field, string selection)
    {
        Host.Store.Reset();

        var data = await Host.DataAsync($$"""query($id: ID!) { ci(id: $id) { {{field}} {{selection}} } }""", $$"""{ "id": "{{T.Storefront}}" }""");

        Assert.NotEmpty(data["ci"]!["neighbours"]!.AsArray());
        Assert.Equal(1, Host.Store.Calls(nameof(ICmdbStore.GetCisAsync)) + Host.Store.Calls(nameof(ICmdbStore.GetCiHeadersAsync)));
    }

    [Fact]
    public async Task Ci_WholeStartAndNeighbourNames_ReadsTheDocumentOfTheStartOnly()
    {
        Host.Store.Reset();

        var data = await Host.DataAsync($$"""query($id: ID!) { ci(id: $id) { status attributes neighbours { ci { name } } } }""", $$"""{ "id": "{{T.Storefront}}" }""");

        Assert.Equal("kotlin", data["ci"]!["attributes"]!["language"]!.GetValue<string>());
        Assert.All(data["ci"]!["neighbours"]!.AsArray(), n => Assert.False(string.IsNullOrEmpty(n!["ci"]!["name"]!.GetValue<string>())));
        Assert.Equal(1, Host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
        Assert.Equal(1, Host.Store.Calls(nameof(ICmdbStore.GetCiHeadersAsync)));
    }

    [Theory]
    [InlineData("neighbours(depth: 1) { ci { name } }")]
    [InlineData("neighbours(depth: 2) { ci { name } }")]
    [InlineData("neighbours(direction: OUTGOING) { ci { name } }")]
    [InlineData("neighbours(types: [\"RUNS_ON\"]) { ci { name } }")]
    [InlineData("... on ConfigurationItem { neighbours { ci { name } } }")]
    [InlineData("neighbours { ci { ... on ConfigurationItem { name } } }")]
    [InlineData("neighbours { ci { name status } }")]
    [InlineData("neighbours { ci { name } other: ci { name owner } }")]
    public async Task Ci_WithNeighbourCis_AnswersAsTheFieldItselfWould(string selection)
    {
        var viaRoot = await Host.DataAsync($$"""query($id: ID!) { ci(id: $id) { {{selection}} } }""", $$"""{ "id": "{{T.Storefront}}" }""");
        var viaList = await Host.DataAsync($$"""{ cis(filter: { classes: ["Application"] }) { edges { node { name {{selection}} } } } }""");

        var expected = viaList["cis"]!["edges"]!.AsArray().Select(e => e!["node"]!).Single(n => n["name"]!.GetValue<string>() == "Storefront");
        Assert.True(JsonNode.DeepEquals(Names(expected), Names(viaRoot["ci"]!)), viaRoot.ToJsonString());
    }

    [Theory]
    [InlineData("ci(id: $id) { name } ci(id: $id) { version }")]
    [InlineData("ci(id: $id) { name neighbours { ci { name } ci { version } } } ci(id: $id) { version }")]
    public async Task Ci_SameFieldTwiceWithMoreInTheSecond_ReadsWholeDocuments(string selection)
    {
        var data = await Host.DataAsync($$"""query($id: ID!) { {{selection}} }""", $$"""{ "id": "{{T.Storefront}}" }""");

        Assert.Equal("Storefront", data["ci"]!["name"]!.GetValue<string>());
        Assert.True(data["ci"]!["version"]!.GetValue<long>() >= 1, data.ToJsonString());
        Assert.All(data["ci"]!["neighbours"]?.AsArray() ?? [], n => Assert.True(n!["ci"]!["version"]!.GetValue<long>() >= 1, data.ToJsonString()));
    }

    [Fact]
    public async Task Ci_UnknownId_WithNeighbours_IsNullAndReadsOnce()
    {
        Host.Store.Reset();

        var data = await Host.DataAsync("""{ ci(id: "01ZZZZZZZZZZZZZZZZZZZZZZZZ") { neighbours { ci { name } } } }""");

        Assert.Null(data["ci"]);
        Assert.Equal(1, Host.Store.Calls(nameof(ICmdbStore.GetCiHeadersAsync)));
        Assert.Equal(0, Host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
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
