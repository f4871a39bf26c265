using System.Net;
using System.Text;
using Cmdb.Host.Tests.Support;
using static Cmdb.Host.Tests.Support.GraphQLRequests;

namespace Cmdb.Host.Tests.GraphQLHttp;

public sealed class RequestBodyLimitTests
{
    [Fact]
    public async Task Post_StreamedBodyOverConfiguredLimit_Returns413()
    {
        using var directory = new TempDirectory();
        using var factory = new CmdbAppFactory(directory.File("cmdb.db"), new Dictionary<string, string?>
        {
            ["Cmdb:Seed:LoadDemoEstate"] = "false",
            ["Cmdb:Http:MaxRequestBodyBytes"] = "2048",
        });
        using var client = factory.CreateClient();
        var json = "{\"query\": \"{ __typename }\"}" + new string(' ', 4096);
        // A stream of unknown length is sent chunked, without Content-Length: the limit must hold while reading.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json))),
        };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var (code, message) = await SingleErrorAsync(response);
        Assert.Equal("REQUEST_TOO_LARGE", code);
        Assert.Contains("2,048 bytes", message);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
