using Cmdb.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Cmdb.Host.Tests.Support;

namespace Cmdb.Host.Tests.Hosting;

/// <summary>A bad setting stops the host at start with a message naming the setting, rather than failing later.</summary>
public sealed class StartupValidationTests
{
    // The service's own composition, started directly: WebApplicationFactory races Program's host disposal when
    // start fails and then sometimes reports an ObjectDisposedException instead of the start-up error.
    private static Exception StartWith(string key, string value, TempDirectory directory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cmdb:Storage:Sqlite:DatabasePath"] = directory.File("cmdb.db"),
            ["Cmdb:Discovery:SchedulerEnabled"] = "false",
            [key] = value,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCmdb();
        return Assert.ThrowsAny<Exception>(() =>
        {
            using var app = builder.Build();
            app.MapCmdb();
            app.StartAsync().GetAwaiter().GetResult();
        });
    }

    private static string AllMessages(Exception e) =>
        e is AggregateException a ? string.Join(" | ", a.Flatten().InnerExceptions.Select(AllMessages)) : e.Message + (e.InnerException is null ? "" : " | " + AllMessages(e.InnerException));

    [Theory]
    [InlineData("10")]
    [InlineData("-1")]
    public void Start_WithTooSmallBodyLimit_FailsNamingTheSetting(string limit)
    {
        using var directory = new TempDirectory();

        var error = StartWith("Cmdb:Http:MaxRequestBodyBytes", limit, directory);

        Assert.Contains("Cmdb:Http:MaxRequestBodyBytes must be between 1024", AllMessages(error));
    }

    [Fact]
    public void Start_WithMissingModelFile_FailsNamingTheFile()
    {
        using var directory = new TempDirectory();
        var missing = directory.File("no-such-model.json");

        var error = StartWith("Cmdb:Model:Files:0", missing, directory);

        Assert.Contains($"Cmdb:Model:Files names '{missing}', which does not exist", AllMessages(error));
    }

    [Fact]
    public void Start_WithMissingDemoEstate_FailsNamingTheFile()
    {
        using var directory = new TempDirectory();
        var missing = directory.File("no-such-estate.json");

        var error = StartWith("Cmdb:Seed:DemoEstatePath", missing, directory);

        Assert.Contains($"the demo estate '{missing}' does not exist", AllMessages(error));
    }
}
