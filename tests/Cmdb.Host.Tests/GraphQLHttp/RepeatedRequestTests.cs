using System.Net;
using Cmdb.Host.GraphQLHttp;
using Cmdb.Host.Tests.Support;
using static Cmdb.Host.Tests.Support.GraphQLRequests;

namespace Cmdb.Host.Tests.GraphQLHttp;

/// <summary>
/// Repeated documents are served from the validated-document cache and small answers are sent with their length:
/// neither may change what a client sees.
/// </summary>
public sealed class RepeatedRequestTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string TypeByName = "query Q($name: String!) { __type(name: $name) { name } }";

    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task Post_MutationDocument_ThenTheSameOverGet_IsStillRefused()
    {
        const string document = "mutation { __typename }";
        using var posted = await _client.SendAsync(PostQuery(document, GraphQLResponse));
        using var gotten = await _client.SendAsync(Get(document, accept: GraphQLResponse));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, gotten.StatusCode);
        Assert.Equal("METHOD_NOT_ALLOWED", (await SingleErrorAsync(gotten)).Code);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task SameDocument_DifferentVariables_AnswersEachRequestWithItsOwn(string method)
    {
        foreach (var name in new[] { "Query", "Mutation", "Query", "NoSuchType" })
        {
            using var response = await _client.SendAsync(method == "GET"
                ? Get(TypeByName, $$"""{"name": "{{name}}"}""", GraphQLResponse)
                : PostQuery(TypeByName, GraphQLResponse, new { name }));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var type = (await BodyAsync(response)).GetProperty("data").GetProperty("__type");
            if (name == "NoSuchType") Assert.Equal(System.Text.Json.JsonValueKind.Null, type.ValueKind);
            else Assert.Equal(name, type.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Post_InvalidDocumentTwice_Returns400BothTimes()
    {
        for (var i = 0; i < 2; i++)
        {
            using var response = await _client.SendAsync(PostQuery("{ __typename noSuchField }", GraphQLResponse));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = Assert.Single((await BodyAsync(response)).GetProperty("errors").EnumerateArray());
            Assert.Contains("noSuchField", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Post_OperationName_PicksTheOperationEachTime()
    {
        const string document = "query A { a: __typename } query B { b: __typename }";
        foreach (var operation in new[] { "A", "B", "A" })
        {
            using var response = await _client.SendAsync(Post(
                System.Text.Json.JsonSerializer.Serialize(new { query = document, operationName = operation }), Json, GraphQLResponse));

            var data = (await BodyAsync(response)).GetProperty("data");
            Assert.True(data.TryGetProperty(operation.ToLowerInvariant(), out _), data.ToString());
            Assert.Single(data.EnumerateObject());
        }
    }

    [Fact]
    public async Task Post_SmallResult_IsSentWithItsLength()
    {
        using var response = await _client.SendAsync(PostQuery("{ __typename }", Json));

        Assert.Equal(31, response.Content.Headers.ContentLength);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_ResultLargerThanTheBuffer_IsStreamedWhole()
    {
        const string query = "{ __schema { types { name description fields { name description args { name description } } } } }";

        using var response = await _client.SendAsync(PostQuery(query, Json));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(text.Length > ResponseBufferStream.Threshold, $"the introspection answer is only {text.Length} bytes");
        using var parsed = System.Text.Json.JsonDocument.Parse(text);
        Assert.True(parsed.RootElement.GetProperty("data").GetProperty("__schema").GetProperty("types").GetArrayLength() > 50);
    }
}
