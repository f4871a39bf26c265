using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A large current read (discovery reads every CI it is about to update) is kept for the writer, which merges an update
/// onto it instead of reading the CI again, but only while it is still the CI's committed state.
/// </summary>
public sealed class SqliteCarriedReadTests : SqliteFileTests
{
    private const int Cis = 1200; // above the size from which a read is kept

    [Fact]
    public async Task Updates_AfterALargeRead_TakeItAndWriteWhatAStoreThatReadsAgainWrites()
    {
        using var other = new TempDatabase();
        string[] carriedIds, rereadIds;
        carriedIds = await SeedReopenedAsync();
        await using (var seeding = await OpenAsync(other)) rereadIds = await SeedAsync(seeding);
        // Reopened: a CI created since start-up has no digest in memory, and without one the kept read is never taken.
        await using var carried = await OpenAsync();
        await using var reread = await OpenAsync(other);

        var read = await carried.GetCisAsync(carriedIds, null, CancellationToken.None);
        foreach (var chunk in rereadIds.Chunk(500)) await reread.GetCisAsync(chunk, null, CancellationToken.None); // too small to keep
        await carried.ApplyAsync(Updates(carriedIds, id => read[id].Version), Discovery, CancellationToken.None);
        await reread.ApplyAsync(Updates(rereadIds, _ => 1), Discovery, CancellationToken.None);

        Assert.Equal(Cis, carried.CarriedReads);
        Assert.Equal(0, reread.CarriedReads);
        var a = await carried.GetCisAsync(carriedIds, null, CancellationToken.None);
        var b = await reread.GetCisAsync(rereadIds, null, CancellationToken.None);
        for (var i = 0; i < Cis; i++) Assert.Equal(Described(b[rereadIds[i]]), Described(a[carriedIds[i]]));
        var history = await carried.GetHistoryAsync(carriedIds[7], 10, null, CancellationToken.None);
        var expected = await reread.GetHistoryAsync(rereadIds[7], 10, null, CancellationToken.None);
        Assert.Equal(2, history.TotalCount);
        Assert.Equal(expected.Items.Select(e => Audited(e.Node)), history.Items.Select(e => Audited(e.Node)));
    }

    [Fact]
    public async Task Update_OfACiAnotherWriterChangedSinceTheRead_IsRefusedRatherThanMergedOntoTheKeptRead()
    {
        var ids = await SeedReopenedAsync();
        await using var store = await OpenAsync();
        var read = await store.GetCisAsync(ids, null, CancellationToken.None);
        var target = ids[5];
        await store.ApplyAsync(WriteBatch.Of(new UpsertCi(target, WellKnown.Classes.Application, new CiFields { Owner = "someone-else" })),
            Actor.System, CancellationToken.None);
        Assert.Equal(1, store.CarriedReads); // that write took the kept read: it was current then
        store.KeptReads.Add(read[target], 0); // as if read just before that write committed

        var e = await Assert.ThrowsAsync<CmdbException>(() => store.ApplyAsync(
            WriteBatch.Of(new UpdateCi(target, read[target].Version, Fields(5)) { Path = "items[5]" }), Discovery, CancellationToken.None));

        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Equal("items[5].expectedVersion", e.Path);
        // Without an expected version the write merges onto the committed state, not onto the kept read.
        await store.ApplyAsync(WriteBatch.Of(new UpsertCi(target, WellKnown.Classes.Application, Fields(5))), Discovery, CancellationToken.None);
        var now = (await store.GetCisAsync([target], null, CancellationToken.None))[target];
        Assert.Equal(("someone-else", 3L, "yes"), (now.Owner, now.Version, now.Attributes["discovered"]!.GetValue<string>()));
        Assert.Equal(1, store.CarriedReads);
    }

    [Fact]
    public async Task Upsert_AfterTheCallerChangedTheCiItWasHanded_MergesOntoTheStoredState()
    {
        var ids = await SeedReopenedAsync();
        await using var store = await OpenAsync();
        var read = await store.GetCisAsync(ids, null, CancellationToken.None);
        var target = ids[7];
        read[target].Attributes["note"] = "changed by the caller"; // same version, different content: the digest tells

        await store.ApplyAsync(WriteBatch.Of(new UpsertCi(target, WellKnown.Classes.Application, Fields(7))), Discovery, CancellationToken.None);

        var now = (await store.GetCisAsync([target], null, CancellationToken.None))[target];
        Assert.Equal("value-7", now.Attributes["note"]!.GetValue<string>());
        Assert.Equal("yes", now.Attributes["discovered"]!.GetValue<string>());
        Assert.Equal(0, store.CarriedReads);
    }

    [Fact]
    public async Task Updates_AfterSmallReadsOrAfterWritesOfTheSameCi_ReadTheFile()
    {
        var ids = await SeedReopenedAsync();
        await using var store = await OpenAsync();
        await store.GetCisAsync(ids.Take(999).ToArray(), null, CancellationToken.None);
        await store.ApplyAsync(Updates([.. ids.Take(999)], _ => 1), Discovery, CancellationToken.None);
        Assert.Equal(0, store.CarriedReads);

        // Read once, written twice in one batch: the second write merges onto the first, which the read never saw.
        var read = await store.GetCisAsync(ids, null, CancellationToken.None);
        var twice = new WriteBatch([
            new UpdateCi(ids[0], read[ids[0]].Version, new CiFields { Owner = "first" }),
            new UpsertCi(ids[0], WellKnown.Classes.Application, new CiFields { SupportGroup = "second" }),
        ]);
        await store.ApplyAsync(twice, Discovery, CancellationToken.None);

        var now = (await store.GetCisAsync([ids[0]], null, CancellationToken.None))[ids[0]];
        Assert.Equal(("first", "second", 4L), (now.Owner, now.SupportGroup, now.Version));
        Assert.Equal(1, store.CarriedReads);
    }

    [Fact]
    public async Task Update_OfACiCreatedSinceStartUp_ReadsTheFile()
    {
        await using var store = await OpenAsync();
        var ids = await SeedAsync(store);
        var read = await store.GetCisAsync(ids, null, CancellationToken.None);

        await store.ApplyAsync(Updates(ids, id => read[id].Version), Discovery, CancellationToken.None);

        Assert.Equal(0, store.CarriedReads);
        Assert.Equal("yes", (await store.GetCisAsync([ids[9]], null, CancellationToken.None))[ids[9]].Attributes["discovered"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeptReads_AreHeldOnlyWhileTheCallerHoldsThem()
    {
        var ids = await SeedReopenedAsync();
        await using var store = await OpenAsync();
        await ReadAndDropAsync(store, ids);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        await store.ApplyAsync(Updates(ids, _ => 1), Discovery, CancellationToken.None);

        Assert.Equal(0, store.CarriedReads); // every kept snapshot was collected: each CI was read again
        Assert.Equal("yes", (await store.GetCisAsync([ids[3]], null, CancellationToken.None))[ids[3]].Attributes["discovered"]!.GetValue<string>());
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task ReadAndDropAsync(SqliteCmdbStore store, string[] ids) =>
        Assert.Equal(ids.Length, (await store.GetCisAsync(ids, null, CancellationToken.None)).Count);

    /// <summary>Seeds the test's file and closes it: the store opened next knows every CI's digest, as after any start-up.</summary>
    private async Task<string[]> SeedReopenedAsync()
    {
        await using var seeding = await OpenAsync();
        return await SeedAsync(seeding);
    }

    private async Task<SqliteCmdbStore> OpenAsync(TempDatabase database)
    {
        var store = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = database.Path }, Model, Time);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private static readonly Actor Discovery = new(ActorKind.Discovery, "scanner", "run-1");

    private static Task<string[]> SeedAsync(SqliteCmdbStore store) => SeededApplications.WriteAsync(store, Cis);

    private static CiFields Fields(int i) => new()
    {
        Attributes = new JsonObject { ["discovered"] = "yes", ["rack"] = $"r{i % 40}" },
        Environment = i % 2 == 0 ? "production" : null,
    };

    private static WriteBatch Updates(string[] ids, Func<string, long> version) =>
        new([.. ids.Select((id, i) => (WriteOperation)new UpdateCi(id, version(id), Fields(i)) { Path = $"items[{i}]" })]);

    private static string Audited(Cmdb.Domain.History.AuditEntry e) =>
        $"{e.Actor} {e.Operation} " + string.Join(";", e.Changes.Select(c => $"{c.Field}:{c.Before?.ToJsonString()}>{c.After?.ToJsonString()}"));

    /// <summary>Everything about a CI except its id (the two stores give their CIs different ids).</summary>
    private static string Described(ConfigurationItem ci) => string.Join("|",
        ci.Name, ci.Status, ci.Environment, ci.Owner, ci.Version, string.Join(",", ci.Tags), ci.Attributes.ToJsonString(),
        string.Join(",", ci.Identifiers.Select(p => $"{p.Key}={p.Value}")),
        string.Join(",", ci.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.Source}@{p.Value.At:O}")),
        ci.UpdatedAt.ToString("O"));
}
