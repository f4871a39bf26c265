using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>The CIs, relationships and paths of an impact page are loaded in batches, not one read per item.</summary>
public sealed class ImpactBatchingTests : IAsyncLifetime
{
    private const int Applications = 150;
    private const int Services = 30;

    // Names only: served by the lean header read, and the path's relationships need no read at all.
    private const string NamesQuery = """
        query($ids: [ID!]!, $first: Int) { impact(ciIds: $ids) {
          items(first: $first) { edges { node { ci { name } path { relationship { id type } from { name } to { name } } } } }
          businessServices { ci { name } } } }
        """;

    // Fields beyond id, class and name: whole CIs and stored relationships are read, still once per level.
    private const string WholeQuery = """
        query($ids: [ID!]!, $first: Int) { impact(ciIds: $ids) {
          items(first: $first) { edges { node { ci { name owner } path { relationship { id createdBy } from { name status } to { id } } } } }
          businessServices { ci { name criticality } } } }
        """;

    private static readonly string[] Methods =
    [
        nameof(ICmdbStore.GetGraphAsync), nameof(ICmdbStore.GetCisAsync), nameof(ICmdbStore.GetCiHeadersAsync),
        nameof(ICmdbStore.GetRelationshipsAsync), nameof(ICmdbStore.GetRelationshipAsync),
    ];

    private GraphQLTestHost _host = null!;
    private string _database = null!;

    public async Task InitializeAsync()
    {
        _host = await GraphQLTestHost.StartAsync();
        var db = await _host.ApplyAsync(Topology.Ci(WellKnown.Classes.Database, "shared-db", "shared", scheme: WellKnown.Identifiers.DbKey, attributes: new JsonObject { ["engine"] = "postgres" }));
        _database = db.Results[0].EntityId;
        var apps = await _host.ApplyAsync(Enumerable.Range(0, Applications)
            .Select(i => (WriteOperation)Topology.Ci(WellKnown.Classes.Application, $"app-{i:D3}", $"app/{i:D3}")).ToArray());
        await _host.ApplyAsync(apps.Results.Select(r => (WriteOperation)Topology.Rel(WellKnown.RelationshipTypes.DependsOn, r.EntityId, _database)).ToArray());
        var services = await _host.ApplyAsync(Enumerable.Range(0, Services)
            .Select(i => (WriteOperation)Topology.Ci(WellKnown.Classes.BusinessService, $"service-{i:D2}", $"service/{i:D2}")).ToArray());
        await _host.ApplyAsync(services.Results
            .Select((r, i) => (WriteOperation)Topology.Rel(WellKnown.RelationshipTypes.DependsOn, r.EntityId, apps.Results[i].EntityId)).ToArray());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Items_HundredWithNamesAndPaths_MakeAsManyStoreReadsAsTen()
    {
        var ten = await ReadsAsync(NamesQuery, 10);
        var hundred = await ReadsAsync(NamesQuery, 100);

        Assert.Equal(ten, hundred);
        Assert.Equal(1, hundred[nameof(ICmdbStore.GetGraphAsync)]);
        // One read for the services (read ahead with their list), one for the items and their paths; at times both in one.
        Assert.InRange(hundred[nameof(ICmdbStore.GetCiHeadersAsync)], 1, 2);
        Assert.True(hundred.Values.Sum() <= 3, Describe(hundred));
    }

    [Fact]
    public async Task Items_NamesAndRelationshipKeysOnly_ReadNoWholeCiAndNoRelationship()
    {
        var reads = await ReadsAsync(NamesQuery, 100);

        Assert.Equal(0, reads[nameof(ICmdbStore.GetCisAsync)]);
        Assert.Equal(0, reads[nameof(ICmdbStore.GetRelationshipsAsync)]);
        Assert.Equal(0, reads[nameof(ICmdbStore.GetRelationshipAsync)]);
    }

    [Fact]
    public async Task Items_HundredWithWholeCisAndRelationships_MakeAsManyStoreReadsAsTen()
    {
        var ten = await ReadsAsync(WholeQuery, 10);
        var hundred = await ReadsAsync(WholeQuery, 100);

        Assert.Equal(ten, hundred);
        Assert.Equal(1, hundred[nameof(ICmdbStore.GetGraphAsync)]);
        Assert.Equal(1, hundred[nameof(ICmdbStore.GetRelationshipsAsync)]);
        Assert.InRange(hundred[nameof(ICmdbStore.GetCisAsync)], 1, 3);
        Assert.True(hundred.Values.Sum() <= 6, Describe(hundred));
    }

    private async Task<Dictionary<string, int>> ReadsAsync(string query, int first)
    {
        _host.Store.Reset();
        var data = await _host.DataAsync(query, Vars(("ids", Array([_database])), ("first", first)));
        Assert.Equal(first, data["impact"]!["items"]!["edges"]!.AsArray().Count);
        Assert.Equal(Services, data["impact"]!["businessServices"]!.AsArray().Count);
        Assert.All(data["impact"]!["businessServices"]!.AsArray(), s => Assert.StartsWith("service-", s!["ci"]!["name"]!.GetValue<string>(), StringComparison.Ordinal));
        var reads = Methods.ToDictionary(m => m, _host.Store.Calls);
        Assert.Equal(reads.Values.Sum(), _host.Store.TotalReads);
        return reads;
    }

    private static string Describe(Dictionary<string, int> reads) => string.Join(", ", reads.Select(p => $"{p.Key}={p.Value}"));
}
