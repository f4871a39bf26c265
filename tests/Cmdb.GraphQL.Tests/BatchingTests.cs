using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests;

public sealed class BatchingTests : IAsyncLifetime
{
    private GraphQLTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await GraphQLTestHost.StartAsync();
        var cis = await _host.ApplyAsync(Enumerable.Range(0, 60)
            .Select(i => (WriteOperation)Topology.Ci(WellKnown.Classes.Application, $"app-{i:D2}", $"app/{i:D2}")).ToArray());
        var ids = cis.Results.Select(r => r.EntityId).ToArray();
        await _host.ApplyAsync(Enumerable.Range(0, 60)
            .SelectMany(i => new[] { Topology.Rel(WellKnown.RelationshipTypes.DependsOn, ids[i], ids[(i + 1) % 60]), Topology.Rel(WellKnown.RelationshipTypes.DependsOn, ids[i], ids[(i + 7) % 60]) })
            .Cast<WriteOperation>().ToArray());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Cis_FiftyWithRelationshipsAndTargets_MakeAConstantNumberOfStoreCalls()
    {
        _host.Store.Reset();

        var data = await _host.DataAsync("""{ cis(first: 50) { edges { node { name relationships { target { name } } } } } }""");

        var edges = data["cis"]!["edges"]!.AsArray();
        Assert.Equal(50, edges.Count);
        Assert.All(edges, e => Assert.Equal(4, e!["node"]!["relationships"]!.AsArray().Count)); // two out, two in
        Assert.Equal(1, _host.Store.Calls(nameof(ICmdbStore.QueryCisAsync)));
        Assert.Equal(1, _host.Store.Calls(nameof(ICmdbStore.GetRelationshipsAsync)));
        Assert.Equal(1, _host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
        Assert.True(_host.Store.TotalReads <= 4, $"{_host.Store.TotalReads} store reads");
    }

    [Fact]
    public async Task Neighbours_OfManyCis_LoadTheirCisAndRelationshipsInBatches()
    {
        _host.Store.Reset();

        var data = await _host.DataAsync("""{ cis(first: 10) { edges { node { neighbours(depth: 2, direction: OUTGOING) { depth ci { name } via { type } } } } } }""");

        Assert.All(data["cis"]!["edges"]!.AsArray(), e => Assert.Equal(5, e!["node"]!["neighbours"]!.AsArray().Count));
        Assert.Equal(1, _host.Store.Calls(nameof(ICmdbStore.GetCiHeadersAsync))); // names only: no documents
        Assert.Equal(0, _host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
        Assert.Equal(1, _host.Store.Calls(nameof(ICmdbStore.GetRelationshipsAsync)));
    }

    [Fact]
    public async Task Ci_AliasedTwice_IsLoadedInOneCall()
    {
        var ids = (await _host.Store.Inner.QueryCisAsync(CiFilter.None, 3, null, null, default)).Items.Select(i => i.Node.Id).ToArray();
        _host.Store.Reset();

        var data = await _host.DataAsync($$"""{ a: ci(id: "{{ids[0]}}") { name } b: ci(id: "{{ids[1]}}") { name } c: ci(id: "{{ids[2]}}") { name } }""");

        Assert.Equal(3, data.Count);
        Assert.Equal(1, _host.Store.Calls(nameof(ICmdbStore.GetCiHeadersAsync)));
        Assert.Equal(0, _host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
    }

    [Fact]
    public async Task Ci_AliasedTwiceWithDocumentFields_IsLoadedInOneCall()
    {
        var ids = (await _host.Store.Inner.QueryCisAsync(CiFilter.None, 3, null, null, default)).Items.Select(i => i.Node.Id).ToArray();
        _host.Store.Reset();

        var data = await _host.DataAsync($$"""{ a: ci(id: "{{ids[0]}}") { status } b: ci(id: "{{ids[1]}}") { version } c: ci(id: "{{ids[2]}}") { owner } }""");

        Assert.Equal(3, data.Count);
        Assert.Equal(1, _host.Store.Calls(nameof(ICmdbStore.GetCisAsync)));
    }
}
