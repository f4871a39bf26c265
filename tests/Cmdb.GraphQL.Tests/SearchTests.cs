using Cmdb.GraphQL.Errors;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

public sealed class SearchTests : IAsyncLifetime
{
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GraphQLTestHost.StartAsync();
        await Topology.SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Search_Name_FindsTheCiWithAScore()
    {
        var data = await _host.DataAsync("""{ search(text: "storefront") { ci { name class } score } }""");

        var hit = Assert.Single(data["search"]!.AsArray());
        Assert.Equal("""{"name":"Storefront","class":"Application"}""", hit!["ci"]!.ToJsonString());
    }

    [Theory]
    [InlineData("web-01 AND \"OR* (NEAR")]
    [InlineData("\"")]
    [InlineData("*:^-")]
    [InlineData("name:web NOT x")]
    public async Task Search_FtsSyntaxCharacters_AreTreatedAsText(string text)
    {
        var response = await _host.ExecuteAsync("""query($t: String!) { search(text: $t) { ci { name } } }""", $$"""{ "t": {{System.Text.Json.JsonSerializer.Serialize(text)}} }""");

        Assert.Null(response["errors"]);
        Assert.NotNull(response["data"]!["search"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Search_NoWords_IsValidationError(string text)
    {
        var response = await _host.ExecuteAsync($$"""{ search(text: "{{text}}") { score } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "text must contain a word");
    }

    [Fact]
    public async Task Search_FirstTooLarge_IsValidationError()
    {
        var response = await _host.ExecuteAsync("""{ search(text: "web", first: 501) { score } }""");

        ErrorAssert.Expect(response, CmdbErrorCodes.Validation, "first must be between 1 and 500");
    }
}
