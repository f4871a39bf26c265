using System.Net;
using Cmdb.Domain.Events;
using Cmdb.Domain.Storage;
using Cmdb.Host.Tests.Support;
using Cmdb.Host.Webhooks;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Events;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Cmdb.Host.Tests.Webhooks.WebhookClient;

namespace Cmdb.Host.Tests.Webhooks;

public sealed class WebhookLimitsTests
{
    [Fact]
    public async Task Post_Flood_AnswersTooManyWithRetryAfterAndLosesNothingItAccepted()
    {
        using var directory = new TempDirectory();
        var gate = new GatedEventStore();
        using var factory = new CmdbAppFactory(directory.File("cmdb.db"), new Dictionary<string, string?>
        {
            ["Cmdb:Seed:LoadDemoEstate"] = "false",
            ["Cmdb:Events:WebhookMaxConcurrent"] = "1",
            ["Cmdb:Events:WebhookQueueLimit"] = "1",
            ["Cmdb:Events:WebhookRetryAfterSeconds"] = "7",
        });
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IEventStore>(sp =>
        {
            gate.Inner = new SqliteEventStore(
                sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value, new EventOptions(), sp.GetRequiredService<ICmdbStore>(), TimeProvider.System);
            return gate;
        })));
        using var client = app.CreateClient();
        var webhook = app.Services.GetRequiredService<AlertmanagerWebhook>();

        var first = PostAsync(client, AlertmanagerFixtures.Firing("flood-1"));
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = PostAsync(client, AlertmanagerFixtures.Firing("flood-2"));
        while (webhook.QueuedCount < 1) await Task.Delay(10); // wait until the second call is queued behind the first
        using var third = await PostAsync(client, AlertmanagerFixtures.Firing("flood-3"));
        gate.Release.SetResult();
        using var firstResponse = await first;
        using var secondResponse = await second;

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), third.Headers.RetryAfter?.Delta);
        Assert.Contains("nothing from this call was stored", (await JsonAsync(third))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstResponse.StatusCode, secondResponse.StatusCode));
        var stored = await gate.Inner!.ListAsync(new EventFilter(), 10, null, CancellationToken.None);
        Assert.Equal(["flood-1", "flood-2"], stored.Items.Select(i => i.Node.Fingerprint).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_OverTheWebhookBodyLimit_Returns413()
    {
        using var directory = new TempDirectory();
        using var factory = new CmdbAppFactory(directory.File("cmdb.db"), new Dictionary<string, string?>
        {
            ["Cmdb:Seed:LoadDemoEstate"] = "false",
            ["Cmdb:Events:WebhookMaxBodyBytes"] = "1024",
        });
        using var client = factory.CreateClient();

        using var response = await PostAsync(client, AlertmanagerFixtures.Firing() + new string(' ', 2048));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Cmdb:Events:WebhookMaxBodyBytes", (await JsonAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithTokenConfigured_RefusesMissingOrWrongTokenAndAcceptsTheRightOne()
    {
        using var directory = new TempDirectory();
        var tokenFile = directory.File("token");
        await File.WriteAllTextAsync(tokenFile, "s3cret-token\n");
        using var factory = new CmdbAppFactory(directory.File("cmdb.db"), new Dictionary<string, string?>
        {
            ["Cmdb:Seed:LoadDemoEstate"] = "false",
            ["Cmdb:Events:WebhookTokenFile"] = tokenFile,
        });
        using var client = factory.CreateClient();

        using var missing = await PostAsync(client, AlertmanagerFixtures.Firing("t-1"));
        using var wrong = await PostAsync(client, AlertmanagerFixtures.Firing("t-2"), token: "guess");
        using var right = await PostAsync(client, AlertmanagerFixtures.Firing("t-3"), token: "s3cret-token");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var stored = await factory.Services.GetRequiredService<IEventStore>().ListAsync(new EventFilter(), 10, null, CancellationToken.None);
        Assert.Equal("t-3", Assert.Single(stored.Items).Node.Fingerprint);
    }

    /// <summary>Holds every ingest until released, so a test can fill the webhook's slots deterministically.</summary>
    private sealed class GatedEventStore : IEventStore
    {
        public SqliteEventStore? Inner { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IngestResult> IngestAsync(IReadOnlyList<EventInput> events, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await Inner!.IngestAsync(events, cancellationToken);
        }

        public Task<MonitoringEvent?> GetAsync(string id, CancellationToken cancellationToken) => Inner!.GetAsync(id, cancellationToken);

        public Task<IReadOnlyDictionary<string, IReadOnlyList<MonitoringEvent>>> GetForCisAsync(
            IReadOnlyCollection<string> ciIds, DateTimeOffset? from, DateTimeOffset? to, bool firingOnly, CancellationToken cancellationToken) =>
            Inner!.GetForCisAsync(ciIds, from, to, firingOnly, cancellationToken);

        public Task<Page<MonitoringEvent>> ListAsync(EventFilter filter, int first, string? after, CancellationToken cancellationToken) =>
            Inner!.ListAsync(filter, first, after, cancellationToken);
    }
}
