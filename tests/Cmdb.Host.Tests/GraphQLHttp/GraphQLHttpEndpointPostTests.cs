using System.Net;
using Cmdb.Host.Tests.Support;
using static Cmdb.Host.Tests.Support.GraphQLRequests;

namespace Cmdb.Host.Tests.GraphQLHttp;

public sealed class GraphQLHttpEndpointPostTests(HostFixture host) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = host.Client;

    [Theory]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData(Json, Json)]
    [InlineData("*/*", Json)]
    [InlineData(null, Json)]
    [InlineData("text/html, application/graphql-response+json;q=0.9, application/json;q=0.8", GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", Json)]
    public async Task Post_Typename_AnswersInNegotiatedMediaType(string? accept, string expected)
    {
        using var response = await _client.SendAsync(PostQuery("{ __typename }", accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{expected}; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await BodyAsync(response);
        Assert.Equal("Query", body.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Post_WithVariables_PassesThemToTheOperation()
    {
        using var response = await _client.SendAsync(
            PostQuery("query Q($name: String!) { __type(name: $name) { name } }", GraphQLResponse, new { name = "Query" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("Query", body.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_UnknownFieldAcceptingGraphQLResponse_Returns400WithValidationError()
    {
        using var response = await _client.SendAsync(PostQuery("{ noSuchField }", GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{GraphQLResponse}; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await BodyAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Contains("noSuchField", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_UnknownFieldAcceptingJson_Returns200WithValidationError()
    {
        using var response = await _client.SendAsync(PostQuery("{ noSuchField }", Json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Contains("noSuchField", Assert.Single(body.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Post_DocumentThatDoesNotParse_ReportsSyntaxErrorWithStatusByAccept(string accept, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(PostQuery("{", accept));

        Assert.Equal(expected, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Post_VariableThatDoesNotCoerce_ReportsErrorWithStatusByAccept(string accept, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(PostQuery("query Q($id: ID!) { __typename }", accept, new Dictionary<string, object?> { ["id"] = null }));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEmpty((await BodyAsync(response)).GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Post_Mutation_IsExecutedOverPost()
    {
        using var response = await _client.SendAsync(PostQuery("mutation { __typename }", GraphQLResponse));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Mutation", (await BodyAsync(response)).GetProperty("data").GetProperty("__typename").GetString());
    }
}
