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
    private const string Query = """
        query($ids: [ID!]!, $first: Int) { impact(ciIds: $ids) {
          items(first: $first) { edges { node { ci { name } path { relationship { id type } from { name } to { name } } } } }
          businessServices { ci { name } } } }
        """;

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
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Items_HundredWithCisAndPaths_MakeAsManyStoreReadsAsTen()
    {
        var ten = await ReadsAsync(10);
        var hundred = await ReadsAsync(100);

        Assert.Equal(ten, hundred);
        Assert.Equal(1, hundred[nameof(ICmdbStore.GetGraphAsync)]);
        Assert.Equal(1, hundred[nameof(ICmdbStore.GetRelationshipsAsync)]);
        Assert.InRange(hundred[nameof(ICmdbStore.GetCisAsync)], 1, 2);
        Assert.True(hundred.Values.Sum() <= 4, string.Join(", ", hundred.Select(p => $"{p.Key}={p.Value}")));
    }

    private async Task<Dictionary<string, int>> ReadsAsync(int first)
    {
        _host.Store.Reset();
        var data = await _host.DataAsync(Query, Vars(("ids", Array([_database])), ("first", first)));
        Assert.Equal(first, data["impact"]!["items"]!["edges"]!.AsArray().Count);
        string[] methods = [nameof(ICmdbStore.GetGraphAsync), nameof(ICmdbStore.GetCisAsync), nameof(ICmdbStore.GetRelationshipsAsync), nameof(ICmdbStore.GetRelationshipAsync)];
        var reads = methods.ToDictionary(m => m, _host.Store.Calls);
        Assert.Equal(reads.Values.Sum(), _host.Store.TotalReads);
        return reads;
    }
}
