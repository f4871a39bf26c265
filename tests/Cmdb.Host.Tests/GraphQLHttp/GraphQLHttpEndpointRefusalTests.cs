using System.Net;
using Cmdb.Host.Tests.Support;
using static Cmdb.Host.Tests.Support.GraphQLRequests;

namespace Cmdb.Host.Tests.GraphQLHttp;

/// <summary>Requests refused before execution: each gets its status code and a GraphQL-shaped error a person can read.</summary>
public sealed class GraphQLHttpEndpointRefusalTests(HostFixture host) : IClassFixture<HostFixture>
{
    private readonly HttpClient _client = host.Client;

    [Theory]
    [InlineData("{ \"not a JSON")]
    [InlineData("{\"query\": \"{ __typename }\",}")]
    public async Task Post_MalformedJson_Returns400InvalidJson(string body)
    {
        using var response = await _client.SendAsync(Post(body, accept: GraphQLResponse));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await SingleErrorAsync(response);
        Assert.Equal("INVALID_JSON", code);
        Assert.Contains("not valid JSON", message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("[]", "must be a JSON object, not an array")]
    [InlineData("{\"notquery\": \"{ __typename }\"}", "no 'query' parameter")]
    [InlineData("{\"query\": null}", "no 'query' parameter")]
    [InlineData("{\"query\": 0}", "'query' parameter must be a string, not a number")]
    [InlineData("{\"query\": {\"obj\": \"ect\"}}", "'query' parameter must be a string, not an object")]
    [InlineData("{\"query\": [\"array\"]}", "'query' parameter must be a string, not an array")]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": false}", "'operationName' parameter must be a string or null")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": \"string\"}", "'variables' parameter must be a JSON object or null, not a string")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [\"array\"]}", "'variables' parameter must be a JSON object or null, not an array")]
    [InlineData("{\"query\": \"{ __typename }\", \"extensions\": 0}", "'extensions' parameter must be a JSON object or null, not a number")]
    public async Task Post_WrongParameters_Returns400NamingTheProblem(string body, string expected)
    {
        using var response = await _client.SendAsync(Post(body, accept: Json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{Json}; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var (code, message) = await SingleErrorAsync(response);
        Assert.Equal("BAD_REQUEST", code);
        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task Post_NotJsonContentType_Returns415(string? contentType)
    {
        using var response = await _client.SendAsync(Post("{\"query\": \"{ __typename }\"}", contentType, GraphQLResponse));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var (code, message) = await SingleErrorAsync(response);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", code);
        Assert.Contains("application/json", message);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    public async Task Post_JsonWithUtf8Charset_IsAccepted(string contentType)
    {
        using var response = await _client.SendAsync(Post("{\"query\": \"{ __type(name: \\\"Run🏃Swim🏊\\\") { name } }\"}", contentType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain;q=0.5")]
    [InlineData("application/json;q=0")]
    public async Task Post_NothingAcceptable_Returns406(string accept)
    {
        using var response = await _client.SendAsync(PostQuery("{ __typename }", accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal($"{Json}; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var (code, message) = await SingleErrorAsync(response);
        Assert.Equal("NOT_ACCEPTABLE", code);
        Assert.Contains(GraphQLResponse, message);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethods_Return405AllowingGetAndPost(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql") { Content = new StringContent("{}") };

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
        Assert.Equal("METHOD_NOT_ALLOWED", (await SingleErrorAsync(response)).Code);
    }

    [Fact]
    public async Task Post_BodyOverTheDefault16MiB_Returns413()
    {
        var padding = new string(' ', (16 * 1024 * 1024) + 1);

        using var response = await _client.SendAsync(Post("{\"query\": \"{ __typename }\"}" + padding, accept: GraphQLResponse));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var (code, message) = await SingleErrorAsync(response);
        Assert.Equal("REQUEST_TOO_LARGE", code);
        Assert.Contains("16,777,216 bytes", message);
    }

    [Fact]
    public async Task Post_BodyOfSeveralMebibytes_IsExecuted()
    {
        var padding = new string(' ', 4 * 1024 * 1024);

        using var response = await _client.SendAsync(Post("{\"query\": \"{ __typename }\"}" + padding, accept: GraphQLResponse));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
