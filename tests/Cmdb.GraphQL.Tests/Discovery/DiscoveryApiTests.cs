using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Discovery;

/// <summary>
/// The discovery fields over the real engine and store, with the compose fixture every test host configures
/// (<see cref="GraphQLTestHost.ComposeSource"/>, manual runs only: the test host has no scheduler).
/// </summary>
public sealed class DiscoveryApiTests : IAsyncLifetime
{
    private const string RunFields = "id source kind trigger status startedAt endedAt error hold heldRetirements counts { discovered created updated unchanged stale retired conflicts errors } scopes { scope complete errors }";
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GraphQLTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DiscoverySources_ConfiguredSource_ShowsScheduleStateAndNoSettings()
    {
        var data = await _host.DataAsync("{ discoverySources { name kind schedule interval timeout enabled state nextRunAt lastRun { id } } }");
        var fields = await _host.DataAsync("""{ __type(name: "DiscoverySource") { fields { name } } }""");

        var source = Assert.Single(data["discoverySources"]!.AsArray())!.AsObject();
        Assert.Equal(GraphQLTestHost.ComposeSource, (string?)source["name"]);
        Assert.Equal("compose", (string?)source["kind"]);
        Assert.False((bool)source["enabled"]!);
        Assert.Equal("DISABLED", (string?)source["state"]);
        Assert.Equal("00:05:00", (string?)source["timeout"]);
        Assert.Null(source["nextRunAt"]);
        Assert.Null(source["lastRun"]);
        Assert.DoesNotContain(fields["__type"]!["fields"]!.AsArray(), f => ((string)f!["name"]!).Contains("setting", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DiscoveryDryRun_ComposeFixture_ReturnsTheDiffAndWritesNothing()
    {
        var data = await _host.DataAsync($$"""{ discoveryDryRun(source: "{{GraphQLTestHost.ComposeSource}}") { source creates { class name identifiers { scheme value } } updates { ciId } unchanged retirements { ciId } conflicts { id } wouldHold scopes { scope complete } } }""");
        var runs = await _host.DataAsync("{ discoveryRuns { totalCount } }");

        var diff = data["discoveryDryRun"]!.AsObject();
        Assert.NotEmpty(diff["creates"]!.AsArray());
        Assert.All(diff["creates"]!.AsArray(), c => Assert.NotEmpty(c!["identifiers"]!.AsArray()));
        Assert.False((bool)diff["wouldHold"]!);
        Assert.Equal(0, (int)runs["discoveryRuns"]!["totalCount"]!);
        Assert.Equal(0, (await _host.Store.Inner.QueryCisAsync(new CiFilter(), 1, null, null, default)).TotalCount);
    }

    [Fact]
    public async Task TriggerDiscovery_ManualRun_LoadsAndIsListedEverywhere()
    {
        var triggered = await _host.DataAsync($$"""mutation { triggerDiscovery(source: "{{GraphQLTestHost.ComposeSource}}") { {{RunFields}} } }""", actor: new Actor(ActorKind.User, "alice"));

        var run = triggered["triggerDiscovery"]!.AsObject();
        var id = (string)run["id"]!;
        Assert.Equal("SUCCEEDED", (string?)run["status"]);
        Assert.Equal("MANUAL", (string?)run["trigger"]);
        Assert.True((int)run["counts"]!["created"]! > 0);
        var listed = await _host.DataAsync($$"""{ discoveryRuns(source: "{{GraphQLTestHost.ComposeSource}}", first: 5) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } discoveryRun(id: "{{id}}") { id status } discoverySources { lastRun { id } } heldDiscoveryRuns { id } reconciliationConflicts { totalCount } }""");
        Assert.Equal(1, (int)listed["discoveryRuns"]!["totalCount"]!);
        Assert.Equal(id, (string?)listed["discoveryRuns"]!["edges"]![0]!["node"]!["id"]);
        Assert.Equal(id, (string?)listed["discoveryRun"]!["id"]);
        Assert.Equal(id, (string?)listed["discoverySources"]![0]!["lastRun"]!["id"]);
        Assert.Empty(listed["heldDiscoveryRuns"]!.AsArray());
        Assert.Equal(0, (int)listed["reconciliationConflicts"]!["totalCount"]!);
    }

    [Fact]
    public async Task DiscoveryRun_UnknownId_IsNull()
    {
        var data = await _host.DataAsync("""{ discoveryRun(id: "01JUNKNOWNRUN") { id } }""");

        Assert.Null(data["discoveryRun"]);
    }

    [Theory]
    [InlineData("""mutation { triggerDiscovery(source: "nope") { id } }""", "NOT_FOUND", "no discovery source named 'nope'")]
    [InlineData("""mutation { triggerDiscovery(source: "") { id } }""", "VALIDATION", "empty")]
    [InlineData("""mutation { pauseDiscovery(source: "nope") { name } }""", "NOT_FOUND", "'nope'")]
    [InlineData("""mutation { pauseDiscovery(source: " ") { name } }""", "VALIDATION", "empty")]
    [InlineData("""mutation { pauseDiscovery(source: "shop-compose") { name } }""", "CONFLICT", "cannot be paused")]
    [InlineData("""mutation { resumeDiscovery(source: "shop-compose") { name } }""", "CONFLICT", "cannot be resumed")]
    [InlineData("""{ discoveryDryRun(source: "nope") { source } }""", "NOT_FOUND", "'nope'")]
    [InlineData("""{ discoveryRuns(source: "") { totalCount } }""", "VALIDATION", "leave it out")]
    [InlineData("""{ discoveryRuns(source: "nope") { totalCount } }""", "NOT_FOUND", "'nope'")]
    [InlineData("""{ discoveryRuns(first: 0) { totalCount } }""", "VALIDATION", "first must be between 1")]
    [InlineData("""{ discoveryRuns(after: "") { totalCount } }""", "VALIDATION", "cursor")]
    [InlineData("""{ reconciliationConflicts(first: 100000) { totalCount } }""", "VALIDATION", "first must be between 1")]
    [InlineData("""{ discoveryRun(id: "") { id } }""", "VALIDATION", "runId must be")]
    [InlineData("""mutation { approveHeldRun(runId: "01JUNKNOWNRUN") { id } }""", "NOT_FOUND", "no discovery run")]
    [InlineData("""mutation { rejectHeldRun(runId: " ") { id } }""", "VALIDATION", "runId must be")]
    public async Task Discovery_BadValue_IsRefusedWithCodeAndWritesNothing(string operation, string code, string fragment)
    {
        var response = await _host.ExecuteAsync(operation);

        ErrorAssert.Expect(response, code, fragment);
        var runs = await _host.DataAsync("{ discoveryRuns { totalCount } }");
        Assert.Equal(0, (int)runs["discoveryRuns"]!["totalCount"]!);
        Assert.Equal(0, (await _host.Store.Inner.QueryCisAsync(new CiFilter(), 1, null, null, default)).TotalCount);
    }

    [Fact]
    public async Task ApproveAndRejectHeldRun_RunThatIsNotHeld_IsConflictAndChangesNothing()
    {
        var run = (await _host.DataAsync($$"""mutation { triggerDiscovery(source: "{{GraphQLTestHost.ComposeSource}}") { id } }"""))["triggerDiscovery"]!;
        var id = (string)run["id"]!;

        var approve = await _host.ExecuteAsync($$"""mutation { approveHeldRun(runId: "{{id}}") { id } }""");
        var reject = await _host.ExecuteAsync($$"""mutation { rejectHeldRun(runId: "{{id}}", reason: "not needed") { id } }""");

        ErrorAssert.Expect(approve, "CONFLICT", "is not held");
        ErrorAssert.Expect(reject, "CONFLICT", "is not held");
        var after = await _host.DataAsync($$"""{ discoveryRun(id: "{{id}}") { status hold } }""");
        Assert.Equal("SUCCEEDED", (string?)after["discoveryRun"]!["status"]);
        Assert.Null(after["discoveryRun"]!["hold"]);
    }

    [Fact]
    public async Task RejectHeldRun_ReasonTooLong_IsValidation()
    {
        var response = await _host.ExecuteAsync("mutation($r: String) { rejectHeldRun(runId: \"01JANY\", reason: $r) { id } }",
            new JsonObject { ["r"] = new string('x', 1001) }.ToJsonString());

        ErrorAssert.Expect(response, "VALIDATION", "at most 1000");
    }
}
