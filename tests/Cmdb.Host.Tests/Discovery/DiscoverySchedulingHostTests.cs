using System.Text.Json;
using Cmdb.Discovery.Framework;
using Cmdb.Discovery.Scheduling;
using Cmdb.Host.Tests.Support;
using Cmdb.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Host.Tests.Discovery;

/// <summary>The real web host with the scheduler on: a schedule and its paused state survive a restart of the host.</summary>
public sealed class DiscoverySchedulingHostTests
{
    private const string Source = "shop";

    private static Dictionary<string, string?> SchedulerOn() => new()
    {
        ["Cmdb:Seed:LoadDemoEstate"] = "false",
        ["Cmdb:Discovery:SchedulerEnabled"] = "true",
        ["Cmdb:Discovery:Sources:local-host:Enabled"] = "false", // the shipped source would run at start-up
        [$"Cmdb:Discovery:Sources:{Source}:Kind"] = "compose",
        [$"Cmdb:Discovery:Sources:{Source}:Schedule"] = "0 0 3 * * ?",
        [$"Cmdb:Discovery:Sources:{Source}:Settings:Files:0:Path"] =
            Path.Combine(RepoPaths.Root, "tests", "Cmdb.Discovery.Tests", "Data", "Compose", "shop", "docker-compose.yml"),
    };

    [Fact]
    public async Task Restart_PausedSchedule_IsStillPausedAndResumesWithItsNextRun()
    {
        using var directory = new TempDirectory();
        var database = directory.File("cmdb.db");
        await using (var first = new CmdbAppFactory(database, SchedulerOn()))
        {
            using var client = first.CreateClient();
            var scheduled = await SourceAsync(client);
            Assert.Equal("SCHEDULED", scheduled.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.String, scheduled.GetProperty("nextRunAt").ValueKind);
            var paused = await DataAsync(client, $$"""mutation { pauseDiscovery(source: "{{Source}}") { state nextRunAt } }""");
            Assert.Equal("PAUSED", paused.GetProperty("pauseDiscovery").GetProperty("state").GetString());
        }

        await using var second = new CmdbAppFactory(database, SchedulerOn());
        using var again = second.CreateClient();
        var afterRestart = await SourceAsync(again);
        Assert.Equal("PAUSED", afterRestart.GetProperty("state").GetString());
        var resumed = (await DataAsync(again, $$"""mutation { resumeDiscovery(source: "{{Source}}") { state nextRunAt } }""")).GetProperty("resumeDiscovery");
        Assert.Equal("SCHEDULED", resumed.GetProperty("state").GetString());
        Assert.Equal(3, resumed.GetProperty("nextRunAt").GetDateTimeOffset().UtcDateTime.Hour);
    }

    [Fact]
    public async Task TriggerDiscovery_ThroughQuartz_LoadsTheSourceAndRecordsTheRun()
    {
        using var directory = new TempDirectory();
        await using var factory = new CmdbAppFactory(directory.File("cmdb.db"), SchedulerOn());
        using var client = factory.CreateClient();

        var run = (await DataAsync(client, $$"""mutation { triggerDiscovery(source: "{{Source}}") { id status trigger counts { created } } }""")).GetProperty("triggerDiscovery");

        Assert.Equal("SUCCEEDED", run.GetProperty("status").GetString());
        Assert.Equal("MANUAL", run.GetProperty("trigger").GetString());
        Assert.True(run.GetProperty("counts").GetProperty("created").GetInt32() > 0);
        Assert.True(factory.Services.GetRequiredService<IDiscoveryScheduler>().IsEnabled);
        Assert.Equal(run.GetProperty("id").GetString(), (await SourceAsync(client)).GetProperty("lastRun").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ShippedConfiguration_EnablesTheLocalHostSourceEveryFifteenMinutes()
    {
        using var directory = new TempDirectory();
        await using var factory = new CmdbAppFactory(directory.File("cmdb.db"), new Dictionary<string, string?> { ["Cmdb:Seed:LoadDemoEstate"] = "false" });
        using var client = factory.CreateClient(); // starts the host (scheduler off: CmdbAppFactory's default)

        var source = Assert.Single(factory.Services.GetRequiredService<IDiscoveryService>().Sources, s => s.Name == "local-host");

        Assert.Equal(new DiscoverySourceInfo("local-host", "local-host", null, TimeSpan.FromMinutes(15), true, source.Timeout), source);
        Assert.False(factory.Services.GetRequiredService<IDiscoveryScheduler>().IsEnabled);
        Assert.False(await HasQuartzTablesAsync(factory.DatabasePath), "a switched-off scheduler never touches the file");
    }

    private static async Task<JsonElement> SourceAsync(HttpClient client)
    {
        var data = await DataAsync(client, "{ discoverySources { name state nextRunAt lastRun { id } } }");
        return data.GetProperty("discoverySources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == Source);
    }

    private static async Task<JsonElement> DataAsync(HttpClient client, string query)
    {
        using var response = await client.SendAsync(GraphQLRequests.PostQuery(query));
        var body = await GraphQLRequests.BodyAsync(response);
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }

    private static async Task<bool> HasQuartzTablesAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'QRTZ%'";
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
