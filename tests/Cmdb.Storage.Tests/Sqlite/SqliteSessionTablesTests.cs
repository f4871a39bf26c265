using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Batches reuse the store's per-CI tables (<see cref="WriteSession.Tables"/>): each batch must start from empty ones,
/// whatever the last batch left in them, and a bulk batch's large tables are not kept.
/// </summary>
public sealed class SqliteSessionTablesTests : SqliteFileTests
{
    [Fact]
    public async Task Batch_AfterABatchThatFailedMidway_StartsFromEmptyTablesAndCreatesTheCi()
    {
        await using var store = await OpenAsync();
        var kept = store.SessionTables.NodeChanges;
        var failing = new WriteBatch([
            Create("key-1"),
            new UpdateCi("01JBQ00000000000000000000Z", 1, new CiFields { Owner = "x" }) { Path = "items[1]" }, // no such CI
        ]);

        var e = await Assert.ThrowsAsync<CmdbException>(() => store.ApplyAsync(failing, Actor.System, CancellationToken.None));
        Assert.Equal(ErrorCode.NotFound, e.Code);
        // The failed batch's CI and identifier are still in the tables: the next batch must not see them.
        Assert.NotEmpty(store.SessionTables.Cis);

        var result = await store.ApplyAsync(new WriteBatch([Create("key-1")]), Actor.System, CancellationToken.None);

        var created = Assert.Single(result.Results);
        Assert.Equal(WriteOutcome.Created, created.Outcome);
        Assert.Equal("app-key-1", (await store.GetCisAsync([created.EntityId], null, CancellationToken.None))[created.EntityId].Name);
        Assert.Same(kept, store.SessionTables.NodeChanges);
        Assert.Equal(created.EntityId, Assert.Single(store.SessionTables.Cis).Key);
    }

    [Fact]
    public void Reset_EmptiesTheTables_AndDropsOnesALargeBatchGrew()
    {
        var tables = new WriteSession.Tables();
        var nodeChanges = tables.NodeChanges;
        tables.Cis["a"] = default;
        tables.IdentifierOverlay[("cmdb.key", "k")] = "a";
        nodeChanges.Add(default);

        tables.Reset();

        Assert.Same(nodeChanges, tables.NodeChanges);
        Assert.Empty(tables.Cis);
        Assert.Empty(tables.IdentifierOverlay);
        Assert.Empty(tables.NodeChanges);

        tables.Cis.EnsureCapacity(100_000);
        tables.NodeChanges.Capacity = 100_000;
        var grown = tables.Cis;
        tables.Reset();

        Assert.NotSame(grown, tables.Cis);
        Assert.NotSame(nodeChanges, tables.NodeChanges);
        Assert.True(tables.Cis.EnsureCapacity(0) < 100_000 && tables.NodeChanges.Capacity < 100_000);
    }

    private static UpsertCi Create(string key) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = $"app-{key}",
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    }) { Path = "items[0]" };
}
