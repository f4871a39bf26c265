using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Discovery;

/// <summary>
/// A bulk-folder source whose file drops a CI, with thresholds that hold every retirement: the held run is listed,
/// and approving or rejecting it decides whether the CI is retired.
/// </summary>
public sealed class HeldRunTests : IAsyncLifetime
{
    private const string Source = "inbox";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cmdb-held-tests", Guid.NewGuid().ToString("N"));
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await GraphQLTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            [$"Cmdb:Discovery:Sources:{Source}:Kind"] = "bulk-folder",
            [$"Cmdb:Discovery:Sources:{Source}:Enabled"] = "false",
            [$"Cmdb:Discovery:Sources:{Source}:Settings:FolderPath"] = _folder,
            ["Cmdb:Discovery:StaleAfterMissedRuns"] = "1",
            ["Cmdb:Discovery:HoldMinimum"] = "0",
            ["Cmdb:Discovery:HoldPercent"] = "0",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ApproveHeldRun_HeldRetirement_IsListedThenRetiresTheCi()
    {
        var (runId, goneId) = await HoldOneRetirementAsync();

        var held = await _host.DataAsync("{ heldDiscoveryRuns { id hold heldRetirements } }");
        Assert.Equal(runId, (string?)Assert.Single(held["heldDiscoveryRuns"]!.AsArray())!["id"]);
        var approved = await _host.DataAsync($$"""mutation { approveHeldRun(runId: "{{runId}}") { id hold } }""", actor: new Actor(ActorKind.User, "admin"));

        Assert.Equal("APPROVED", (string?)approved["approveHeldRun"]!["hold"]);
        Assert.Equal("RETIRED", await StatusAsync(goneId));
        Assert.Empty((await _host.DataAsync("{ heldDiscoveryRuns { id } }"))["heldDiscoveryRuns"]!.AsArray());
        ErrorAssert.Expect(await _host.ExecuteAsync($$"""mutation { approveHeldRun(runId: "{{runId}}") { id } }"""), "CONFLICT", "already approved");
    }

    [Fact]
    public async Task RejectHeldRun_HeldRetirement_RetiresNothing()
    {
        var (runId, goneId) = await HoldOneRetirementAsync();

        var rejected = await _host.DataAsync($$"""mutation { rejectHeldRun(runId: "{{runId}}", reason: "the file was cut short by mistake") { hold } }""");

        Assert.Equal("REJECTED", (string?)rejected["rejectHeldRun"]!["hold"]);
        Assert.Equal("ACTIVE", await StatusAsync(goneId));
    }

    private async Task<(string RunId, string GoneId)> HoldOneRetirementAsync()
    {
        await WriteAsync("a.example.com", "b.example.com");
        await RunAsync();
        var gone = await _host.Store.Inner.FindByIdentifierAsync("fqdn", "b.example.com", null, default);
        await WriteAsync("a.example.com");
        var run = await RunAsync();
        Assert.Equal("PENDING", (string?)run["hold"]);
        Assert.Equal(1, (int)run["heldRetirements"]!);
        return ((string)run["id"]!, gone!.Id);
    }

    private async Task<JsonNode> RunAsync() =>
        (await _host.DataAsync($$"""mutation { triggerDiscovery(source: "{{Source}}") { id status hold heldRetirements } }"""))["triggerDiscovery"]!;

    private async Task<string?> StatusAsync(string ciId) =>
        (string?)(await _host.DataAsync($$"""{ ci(id: "{{ciId}}") { status } }"""))["ci"]!["status"];

    private async Task WriteAsync(params string[] fqdns)
    {
        var cis = new JsonArray([.. fqdns.Select(f => (JsonNode)new JsonObject
        {
            ["class"] = "LinuxServer",
            ["name"] = f,
            ["status"] = "active",
            ["identifiers"] = new JsonObject { ["fqdn"] = f },
        })]);
        await File.WriteAllTextAsync(Path.Combine(_folder, "servers.json"), new JsonObject { ["cis"] = cis }.ToJsonString());
    }
}
