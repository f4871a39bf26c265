using Cmdb.Domain.Items;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Discovery;

/// <summary>ConfigurationItem.sources reads the discovery sightings kept beside the CIs.</summary>
public sealed class CiSourcesTests : IAsyncLifetime
{
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GraphQLTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sources_CiFoundByARun_NamesTheSourceAndCiCreatedByAPersonHasNone()
    {
        await _host.DataAsync($$"""mutation { triggerDiscovery(source: "{{GraphQLTestHost.ComposeSource}}") { status } }""", actor: new Actor(ActorKind.User, "alice"));
        var manual = await _host.DataAsync("""mutation { upsertCi(input: { class: "Cache", name: "hand-made", identifiers: [{ scheme: "cache.key", value: "hand-made" }] }) { ci { id } } }""");
        var manualId = (string)manual["upsertCi"]!["ci"]!["id"]!;

        var data = await _host.DataAsync($$"""{ cis(first: 100) { edges { node { id sources { source firstSeen lastSeen } } } } }""");

        var nodes = data["cis"]!["edges"]!.AsArray().Select(e => e!["node"]).ToList();
        var discovered = nodes.Where(n => (string)n!["id"]! != manualId).ToList();
        Assert.NotEmpty(discovered);
        Assert.All(discovered, n =>
        {
            var sighting = Assert.Single(n!["sources"]!.AsArray())!;
            Assert.Equal(GraphQLTestHost.ComposeSource, (string?)sighting["source"]);
            Assert.False(string.IsNullOrEmpty((string?)sighting["lastSeen"]));
        });
        Assert.Empty(nodes.Single(n => (string)n!["id"]! == manualId)!["sources"]!.AsArray());
    }
}
