using System.Net;
using Cmdb.Domain.Events;
using Cmdb.Domain.Storage;
using Cmdb.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Cmdb.Host.Tests.Webhooks.WebhookClient;

namespace Cmdb.Host.Tests.Webhooks;

/// <summary>Real HTTP through the test host over the seeded demo estate; each test uses its own fingerprints.</summary>
public sealed class AlertmanagerWebhookTests(SeededHostFixture host) : IClassFixture<SeededHostFixture>
{
    private IEventStore Events => host.Factory.Services.GetRequiredService<IEventStore>();

    private async Task<string> CiIdAsync(string scheme, string value) =>
        (await host.Factory.Services.GetRequiredService<ICmdbStore>().FindByIdentifierAsync(scheme, value, null, CancellationToken.None))!.Id;

    [Fact]
    public async Task Post_FiringThenResolved_StoresOneEventAndUpdatesStatusAndEnd()
    {
        using var firing = await PostAsync(host.Client, AlertmanagerFixtures.Firing());
        var first = await JsonAsync(firing);
        using var resolved = await PostAsync(host.Client, AlertmanagerFixtures.Resolved);
        var second = await JsonAsync(resolved);

        Assert.Equal(HttpStatusCode.OK, firing.StatusCode);
        Assert.Equal((1, 1, 0, 1, 0), (Int(first, "accepted"), Int(first, "created"), Int(first, "updated"), Int(first, "mapped"), Int(first, "unmapped")));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal((0, 1), (Int(second, "created"), Int(second, "updated")));
        var db = await CiIdAsync("db.key", AlertmanagerFixtures.DbKey);
        var stored = Assert.Single((await Events.GetForCisAsync([db], null, null, false, CancellationToken.None))[db], e => e.Fingerprint == "1a30ba71cca2921f");
        Assert.Equal((EventStatus.Resolved, "alertmanager", "PostgresReplicationLag", "critical"), (stored.Status, stored.Source, stored.Name, stored.Severity));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 3, 20, 15, 100, TimeSpan.Zero), stored.EndsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 3, 8, 45, 828, TimeSpan.Zero), stored.StartsAt);
        Assert.StartsWith("http://prometheus.acme.internal:9090/graph", stored.Annotations["generatorURL"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_GroupedAlerts_MapsByInstanceAndUidAndKeepsTheUnknownOneUnmapped()
    {
        using var response = await PostAsync(host.Client, AlertmanagerFixtures.Grouped);
        var result = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 2, 1), (Int(result, "accepted"), Int(result, "mapped"), Int(result, "unmapped")));
        var hypervisor = await CiIdAsync("fqdn", "esx-01.prod.fra1.acme.internal");
        var pod = await CiIdAsync("k8s.uid", AlertmanagerFixtures.PodUid);
        var found = await Events.GetForCisAsync([hypervisor, pod], null, null, true, CancellationToken.None);
        Assert.Equal("HostDown", Assert.Single(found[hypervisor]).Name);
        Assert.Equal("label:instance->fqdn (port stripped)", found[hypervisor][0].MappedBy);
        Assert.Equal(("PodCrashLooping", new DateTimeOffset(2026, 11, 30, 2, 1, 0, TimeSpan.Zero)), (Assert.Single(found[pod]).Name, found[pod][0].StartsAt));
        var unmapped = await Events.ListAsync(new EventFilter(UnmappedOnly: true), 100, null, CancellationToken.None);
        Assert.Contains(unmapped.Items, i => i.Node.Name == "Watchdog" && i.Node.Labels["datacenter"] == "nowhere");
    }

    [Fact]
    public async Task Post_AlertWithALabelLongerThanAnyIdentifier_IsStoredUnmappedWithTheOthers()
    {
        var probe = "https://shop.acme.example/health?" + new string('q', 1500); // a blackbox probe URL as instance
        var body = AlertmanagerFixtures.Firing("long-label-1").Replace($"\"instance\": \"{AlertmanagerFixtures.DbKey}\"", $"\"instance\": \"{probe}\"", StringComparison.Ordinal);

        using var response = await PostAsync(host.Client, body);
        var result = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 0, 1), (Int(result, "accepted"), Int(result, "mapped"), Int(result, "unmapped")));
        var unmapped = await Events.ListAsync(new EventFilter(UnmappedOnly: true), 100, null, CancellationToken.None);
        Assert.Contains(unmapped.Items, i => i.Node.Fingerprint == "long-label-1" && i.Node.Labels["instance"] == probe);
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "{\"alerts\": [", "INVALID_JSON", "not valid JSON" },
        { "[]", "BAD_REQUEST", "JSON object" },
        { "{\"version\": \"4\", \"status\": \"firing\"}", "BAD_REQUEST", "no 'alerts' array" },
        { "{\"alerts\": []}", "BAD_REQUEST", "empty" },
        { "{\"version\": \"3\", \"alerts\": [{}]}", "BAD_REQUEST", "version '3'" },
        { "{\"alerts\": [{\"status\": \"burning\", \"labels\": {\"a\": \"b\"}, \"startsAt\": \"2026-11-30T03:00:00Z\"}]}", "BAD_REQUEST", "'burning'" },
        { "{\"alerts\": [{\"status\": \"firing\", \"startsAt\": \"2026-11-30T03:00:00Z\"}]}", "BAD_REQUEST", "labels is missing" },
        { "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"a\": 1}, \"startsAt\": \"2026-11-30T03:00:00Z\"}]}", "BAD_REQUEST", "must be a string" },
        { "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"a\": \"b\"}, \"startsAt\": \"soon\"}]}", "BAD_REQUEST", "RFC 3339" },
        { "{\"alerts\": [{\"status\": \"firing\", \"labels\": {\"a\": \"b\"}}]}", "BAD_REQUEST", "startsAt is missing" },
        { "{\"alerts\": [{\"status\": \"resolved\", \"labels\": {\"a\": \"b\"}, \"startsAt\": \"2026-11-30T03:00:00Z\", \"endsAt\": \"2026-11-30T02:00:00Z\"}]}", "VALIDATION", "before it starts" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadBody_Returns400WithAProblemAPersonUnderstandsAndStoresNothing(string body, string code, string fragment)
    {
        var before = (await Events.ListAsync(new EventFilter(), 1, null, CancellationToken.None)).TotalCount;

        using var response = await PostAsync(host.Client, body);
        var problem = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Contains(fragment, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, (await Events.ListAsync(new EventFilter(), 1, null, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415()
    {
        using var response = await PostAsync(host.Client, AlertmanagerFixtures.Firing("ct-1"), "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await JsonAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_IsNotAllowed()
    {
        using var response = await host.Client.GetAsync(Endpoint);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
