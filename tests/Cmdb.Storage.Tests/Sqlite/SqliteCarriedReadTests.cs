using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// An update that carries the CI its caller read (<see cref="UpdateCi.Read"/>, discovery's updates): the store merges
/// onto it instead of reading the CI again only while the CI is still at that version, and the result is the same as
/// reading it, search row included; a CI that moved on is refused, whoever moved it.
/// </summary>
public sealed class SqliteCarriedReadTests : SqliteFileTests
{
    private static readonly Actor Alice = new(ActorKind.User, "alice");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApplyAsync_UpdateCarriesCurrentRead_SameStateHistoryAndSearchAsReadingIt(bool pipelined)
    {
        await using var store = await OpenWithAsync(pipelined);
        var (a, b) = (await CreateAsync(store, "a"), await CreateAsync(store, "b"));

        await store.ApplyAsync(WriteBatch.Of(
            new UpdateCi(a.Id, a.Version, Change("zebranew")) { Read = a },
            new UpdateCi(b.Id, b.Version, Change("zebranew"))), Alice, CancellationToken.None);

        Assert.Equal(1, store.CarriedReads);
        var after = await store.GetCisAsync([a.Id, b.Id], null, CancellationToken.None);
        var (carried, read) = (after[a.Id], after[b.Id]);
        Assert.Equal((2L, "zebranew", "alice"), (carried.Version, carried.Attributes["os"]!.GetValue<string>(), carried.Owner));
        Assert.Equal(carried.Attributes.ToJsonString(), read.Attributes.ToJsonString());
        Assert.Equal(read.Provenance.Keys.Order(StringComparer.Ordinal), carried.Provenance.Keys.Order(StringComparer.Ordinal));
        var (historyA, historyB) = (await store.GetHistoryAsync(a.Id, 10, null, CancellationToken.None), await store.GetHistoryAsync(b.Id, 10, null, CancellationToken.None));
        Assert.Equal(historyB.Items.Select(e => string.Join(",", e.Node.Changes.Select(c => c.Field))), historyA.Items.Select(e => string.Join(",", e.Node.Changes.Select(c => c.Field))));
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), (await store.SearchAsync("zebranew", 10, CancellationToken.None)).Select(h => h.Ci.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await store.SearchAsync("zebraold", 10, CancellationToken.None)); // the old search rows are gone
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApplyAsync_CarriedReadIsStale_ConflictAndTheOtherWriteKept(bool pipelined)
    {
        await using var store = await OpenWithAsync(pipelined);
        var read = await CreateAsync(store, "a");
        await store.ApplyAsync(WriteBatch.Of(new UpdateCi(read.Id, read.Version, new CiFields { Owner = "bob" })), Alice, CancellationToken.None);

        var e = await Assert.ThrowsAsync<CmdbException>(() => store.ApplyAsync(
            WriteBatch.Of(new UpdateCi(read.Id, read.Version, Change("zebranew")) { Read = read, Path = "scan:items[0]" }),
            Alice, CancellationToken.None));

        Assert.Equal((ErrorCode.Conflict, "scan:items[0].expectedVersion"), (e.Code, e.Path));
        var ci = (await store.GetCisAsync([read.Id], null, CancellationToken.None))[read.Id];
        Assert.Equal((2L, "bob", "zebraold"), (ci.Version, ci.Owner, ci.Attributes["os"]!.GetValue<string>()));
        Assert.Equal(0, store.CarriedReads);
        Assert.Single(await store.SearchAsync("zebraold", 10, CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApplyAsync_SecondUpdateOfCiInSameBatch_ReadsWhatTheBatchWrote(bool pipelined)
    {
        await using var store = await OpenWithAsync(pipelined);
        var read = await CreateAsync(store, "a");

        await store.ApplyAsync(WriteBatch.Of(
            new UpdateCi(read.Id, read.Version, new CiFields { Owner = "bob" }) { Read = read },
            new UpdateCi(read.Id, read.Version + 1, new CiFields { Attributes = new JsonObject { ["os"] = "zebranew" } }) { Read = read }), Alice, CancellationToken.None);

        var ci = (await store.GetCisAsync([read.Id], null, CancellationToken.None))[read.Id];
        Assert.Equal((3L, "bob", "zebranew"), (ci.Version, ci.Owner, ci.Attributes["os"]!.GetValue<string>()));
        Assert.Equal(1, store.CarriedReads); // the second names another version than the read it carries
        Assert.Equal(read.Id, Assert.Single(await store.SearchAsync("zebranew", 10, CancellationToken.None)).Ci.Id);
        Assert.Empty(await store.SearchAsync("zebraold", 10, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_CarriedReadOfAnotherCi_IsNotUsed()
    {
        await using var store = await OpenWithAsync(pipelined: false);
        var (a, b) = (await CreateAsync(store, "a"), await CreateAsync(store, "b"));

        await store.ApplyAsync(WriteBatch.Of(new UpdateCi(a.Id, a.Version, Change("zebranew")) { Read = b }), Alice, CancellationToken.None);

        var ci = (await store.GetCisAsync([a.Id], null, CancellationToken.None))[a.Id];
        Assert.Equal(("app-a", "a"), (ci.Name, ci.Identifiers[WellKnown.Identifiers.CmdbKey]));
        Assert.Equal(0, store.CarriedReads);
    }

    private async Task<SqliteCmdbStore> OpenWithAsync(bool pipelined)
    {
        var store = await OpenAsync();
        store.PipelineOperations = pipelined ? 1 : int.MaxValue;
        return store;
    }

    private static async Task<ConfigurationItem> CreateAsync(SqliteCmdbStore store, string key)
    {
        var created = await store.ApplyAsync(WriteBatch.Of(new UpsertCi(null, WellKnown.Classes.Application, new CiFields
        {
            Name = $"app-{key}",
            Owner = "ops",
            Attributes = new JsonObject { ["os"] = "zebraold", ["tier"] = 2 },
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
        })), Actor.System, CancellationToken.None);
        var id = created.Results[0].EntityId;
        return (await store.GetCisAsync([id], null, CancellationToken.None))[id];
    }

    private static CiFields Change(string os) => new() { Owner = "alice", Attributes = new JsonObject { ["os"] = os } };
}
