using System.Net;
using Cmdb.Host.Tests.Support;

namespace Cmdb.Host.Tests.Hosting;

public sealed class HealthAndLandingPageTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Health_AfterStart_ReportsStoreHealthy()
    {
        using var response = await host.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await GraphQLRequests.BodyAsync(response);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Root_ReturnsHtmlNamingTheEndpoints()
    {
        using var response = await host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("/graphql", html);
        Assert.Contains("/health", html);
    }
}
