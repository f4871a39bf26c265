using System.Net;
using Cmdb.Host.Tests.Support;
using static Cmdb.Host.Tests.Support.GraphQLRequests;

namespace Cmdb.Host.Tests.GraphQLHttp;

public sealed class GraphQLHttpEndpointGetTests(HostFixture host) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = host.Client;

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Get_QueryWithUrlEncodedVariables_Executes(string accept)
    {
        using var response = await _client.SendAsync(
            Get("query Q($name: String!) { __type(name: $name) { name } }", "{\"name\": \"Query\"}", accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{accept}; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await BodyAsync(response);
        Assert.Equal("Query", body.GetProperty("data").GetProperty("__type").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("mutation { __typename }", null)]
    [InlineData("query A { __typename } mutation B { __typename }", "B")]
    public async Task Get_Mutation_Returns405AllowingPost(string query, string? operationName)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query) + (operationName is null ? "" : "&operationName=" + operationName);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept", GraphQLResponse);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var (code, message) = await SingleErrorAsync(response);
        Assert.Equal("METHOD_NOT_ALLOWED", code);
        Assert.Contains("use POST", message);
    }

    [Fact]
    public async Task Get_QueryOperationOfDocumentWithMutation_Executes()
    {
        using var response = await _client.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, "/graphql?operationName=A&query=" + Uri.EscapeDataString("query A { __typename } mutation B { __typename }")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (await BodyAsync(response)).GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Get_WithoutQuery_Returns400()
    {
        using var response = await _client.GetAsync("/graphql");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await SingleErrorAsync(response);
        Assert.Equal("BAD_REQUEST", code);
        Assert.Contains("needs a query parameter", message);
    }

    [Theory]
    [InlineData("[1]", "must be a JSON object, not an array")]
    [InlineData("\"text\"", "must be a JSON object, not a string")]
    [InlineData("{broken", "must be URL-encoded JSON")]
    public async Task Get_VariablesNotAnObject_Returns400(string variables, string expected)
    {
        using var response = await _client.SendAsync(Get("{ __typename }", variables));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await SingleErrorAsync(response)).Message);
    }

    [Fact]
    public async Task Get_QueryGivenTwice_Returns400()
    {
        using var response = await _client.GetAsync("/graphql?query=%7B__typename%7D&query=%7B__typename%7D");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("given 2 times", (await SingleErrorAsync(response)).Message);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Get_DocumentThatDoesNotParse_ReportsSyntaxErrorWithStatusByAccept(string accept, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(Get("{", accept: accept));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEmpty((await BodyAsync(response)).GetProperty("errors").EnumerateArray());
    }
}
