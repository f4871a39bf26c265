using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>Current headers are served from memory, and a read after a committed write always sees the write.</summary>
public sealed class SqliteCiHeaderCacheTests : SqliteFileTests
{
    [Fact]
    public async Task GetCiHeadersAsync_ReadAgainAfterARename_SeesTheNewName()
    {
        await using var store = await OpenAsync();
        var ids = await CreateAsync(store, 2);
        var first = await store.GetCiHeadersAsync(ids, null, CancellationToken.None);
        var again = await store.GetCiHeadersAsync(ids, null, CancellationToken.None);

        await ApplyAsync(store, new UpdateCi(ids[0], 1, new CiFields { Name = "vm-0-renamed" }));
        var after = await store.GetCiHeadersAsync(ids, null, CancellationToken.None);

        Assert.Equal(2, store.HeaderCache.Count);
        Assert.Equal(first[ids[0]], again[ids[0]]);
        Assert.Equal("vm-0", first[ids[0]].Name);
        Assert.Equal("vm-0-renamed", after[ids[0]].Name);
        Assert.Equal("vm-1", after[ids[1]].Name);
    }

    [Fact]
    public async Task GetCiHeadersAsync_CachedUncachedAndUnknownTogether_AnswersAsTheWholeRead()
    {
        await using var store = await OpenAsync();
        var ids = await CreateAsync(store, 3);
        await store.GetCiHeadersAsync([ids[0]], null, CancellationToken.None);
        string[] asked = [.. ids, "01JUNKNOWN0000000000000000"];

        var headers = await store.GetCiHeadersAsync(asked, null, CancellationToken.None);
        var whole = await store.GetCisAsync(asked, null, CancellationToken.None);

        Assert.Equal(whole.Keys.Order(StringComparer.Ordinal), headers.Keys.Order(StringComparer.Ordinal));
        Assert.All(whole.Values, ci => Assert.Equal(new CiHeader(ci.Id, ci.Class, ci.Name), headers[ci.Id]));
    }

    [Fact]
    public async Task GetCiHeadersAsync_WhileRenamesCommit_EveryReadAfterAWriteSeesIt()
    {
        await using var store = await OpenAsync();
        var ids = await CreateAsync(store, 4);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await store.GetCiHeadersAsync(ids, null, CancellationToken.None);
        })).ToArray();

        try
        {
            for (var round = 1; round <= 30; round++)
            {
                var target = ids[round % ids.Length];
                var version = (await store.GetCisAsync([target], null, CancellationToken.None))[target].Version;
                await ApplyAsync(store, new UpdateCi(target, version, new CiFields { Name = $"renamed-{round}" }));

                Assert.Equal($"renamed-{round}", (await store.GetCiHeadersAsync(ids, null, CancellationToken.None))[target].Name);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(readers);
        }
    }

    [Fact]
    public void CiHeaderCache_EntryOfAnotherCommit_IsNotServed()
    {
        var cache = new CiHeaderCache(8);
        var header = new CiHeader("01J00000000000000000000001", WellKnown.Classes.VirtualMachine, "vm");

        cache.Add(header, 5);

        Assert.False(cache.TryGet(header.Id, 4, out _));
        Assert.False(cache.TryGet(header.Id, 6, out _));
        Assert.True(cache.TryGet(header.Id, 5, out var found));
        Assert.Equal(header, found);
    }

    [Fact]
    public void CiHeaderCache_PastItsCapacity_StartsOver()
    {
        var cache = new CiHeaderCache(4);

        for (var i = 0; i < 5; i++) cache.Add(new CiHeader($"ci-{i}", WellKnown.Classes.VirtualMachine, $"vm-{i}"), 1);

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet("ci-0", 1, out _));
    }

    private static async Task<string[]> CreateAsync(SqliteCmdbStore store, int count)
    {
        var operations = Enumerable.Range(0, count).Select(i => (WriteOperation)new UpsertCi(null, WellKnown.Classes.VirtualMachine, new CiFields
        {
            Name = $"vm-{i}",
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.VmUuid] = $"uuid-{i}" },
        })).ToArray();
        return [.. (await ApplyAsync(store, operations)).Results.Select(r => r.EntityId)];
    }

    private static Task<WriteResult> ApplyAsync(SqliteCmdbStore store, params WriteOperation[] operations) =>
        store.ApplyAsync(WriteBatch.Of(operations), Actor.System, CancellationToken.None);
}
