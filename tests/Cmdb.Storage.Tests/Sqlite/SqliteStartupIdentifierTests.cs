using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.Identifiers;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// The identifier map names each holder by its index node and the index holds ids as ULID values: after a restart,
/// identifiers loaded from the file and those written since must resolve to exactly the ids the store handed out.
/// </summary>
public sealed class SqliteStartupIdentifierTests : SqliteFileTests
{
    [Fact]
    public async Task ResolveIdentifiersAsync_AfterRestartAndLaterWrites_NamesTheHoldersExactly()
    {
        var ids = new Dictionary<string, string>();
        await using (var store = await OpenAsync())
        {
            for (var i = 0; i < 30; i++) ids[$"key-{i}"] = await UpsertAsync(store, $"key-{i}");
        }

        await using var reopened = await OpenAsync();
        for (var i = 30; i < 40; i++) ids[$"key-{i}"] = await UpsertAsync(reopened, $"key-{i}"); // created after start-up
        await reopened.ApplyAsync(WriteBatch.Of(new RetireCi(ids["key-3"], null)), Actor.System, CancellationToken.None);

        var found = await reopened.ResolveIdentifiersAsync([.. ids.Keys.Select(k => (CmdbKey, k)), (CmdbKey, "never-written")], CancellationToken.None);

        Assert.All(ids, p => Assert.Equal(p.Value, found[(CmdbKey, p.Key)]));
        Assert.False(found.ContainsKey((CmdbKey, "never-written")));
        var graph = await reopened.GetGraphAsync([], CancellationToken.None);
        Assert.All(ids.Values, id => Assert.True(graph.TryGetNode(id, out var node) && graph.CiId(node) == id));
        Assert.Equal(ids.Values.Order(StringComparer.Ordinal), Enumerable.Range(0, graph.NodeCount).Select(graph.CiId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpsertCi_AfterRestart_IdentifiesTheLoadedHolderInsteadOfCreatingASecondCi()
    {
        string id;
        await using (var store = await OpenAsync()) id = await UpsertAsync(store, "shop");

        await using var reopened = await OpenAsync();
        Assert.Equal(id, await UpsertAsync(reopened, "shop"));
        Assert.Equal(1, (await reopened.GetGraphAsync([], CancellationToken.None)).NodeCount);
    }

    [Fact]
    public async Task UpsertCi_WhileIdentifiersStillLoadAfterStartUp_WaitsAndThenIdentifiesTheHolder()
    {
        string id;
        await using (var store = await OpenAsync()) id = await UpsertAsync(store, "shop");
        using var release = new ManualResetEventSlim();
        await using var reopened = NewStore();
        reopened.AroundIdentifierLoad = load =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            load();
        };

        await reopened.InitializeAsync(CancellationToken.None); // returns with the identifiers still held back
        var graph = await reopened.GetGraphAsync([], CancellationToken.None);
        Assert.True(graph.TryGetNode(id, out _)); // reads are served meanwhile
        var write = UpsertAsync(reopened, "shop");
        await Task.Delay(100);
        Assert.False(write.IsCompleted);

        release.Set();
        Assert.Equal(id, await write);
        Assert.Equal(1, graph.NodeCount);
    }

    [Fact]
    public async Task ApplyAsync_IdentifiersFailedToLoadAtStartUp_RefusesWritesButServesReads()
    {
        string id;
        await using (var store = await OpenAsync()) id = await UpsertAsync(store, "shop");
        await using var reopened = NewStore();
        reopened.AroundIdentifierLoad = _ => throw new IOException("disk read error");
        await reopened.InitializeAsync(CancellationToken.None);

        // Identifying against a partial map would create a second "shop": the write is refused instead, every time.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => UpsertAsync(reopened, "shop"));
            Assert.Contains("identifier map failed to load at start-up (disk read error)", error.Message, StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.ResolveIdentifiersAsync([(CmdbKey, "shop")], CancellationToken.None));
        Assert.Equal("shop", (await reopened.GetCisAsync([id], null, CancellationToken.None))[id].Name);
        Assert.Equal(1, (await reopened.GetGraphAsync([], CancellationToken.None)).NodeCount);
    }

    private static async Task<string> UpsertAsync(SqliteCmdbStore store, string key)
    {
        var fields = new CiFields { Name = key, Identifiers = new Dictionary<string, string> { [CmdbKey] = key } };
        var result = await store.ApplyAsync(WriteBatch.Of(new UpsertCi(null, Application, fields)), Actor.System, CancellationToken.None);
        return result.Results[0].EntityId;
    }
}
