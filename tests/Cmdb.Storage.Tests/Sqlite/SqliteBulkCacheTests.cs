using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A bulk batch (10,000 operations or more) writes through the writer's everyday page cache: it no longer raises the
/// limit for the batch, whose pages would all be memory touched for the first time (session 11). Pages beyond the
/// limit go to the WAL before COMMIT, and the batch is still whole afterwards.
/// </summary>
public sealed class SqliteBulkCacheTests : SqliteFileTests
{
    private const int CacheKiB = 1024; // far below what 12,000 new CIs dirty (several MB of pages)

    [Fact]
    public async Task ApplyAsync_BulkBatch_StaysWithinTheWritersPageCacheLimitAndIsWhole()
    {
        await using var store = NewStore();
        store.WriterCacheKiB = CacheKiB;
        await store.InitializeAsync(CancellationToken.None);
        var ops = Enumerable.Range(0, 12_000).Select(i => (WriteOperation)App(i)).ToList();

        var result = await store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None);

        // SQLite may hold a few pinned pages above the limit while it spills; a raised limit would hold every dirty page.
        Assert.InRange(store.LastBatchCacheBytes, 1, 2L * CacheKiB * 1024);
        Assert.All(result.Results, r => Assert.Equal(WriteOutcome.Created, r.Outcome));
        Assert.Equal(12_000, TableRows.Count(Database.Path, ["ci"])["ci"]);
        Assert.Single(await store.SearchAsync("application-11999", 5, CancellationToken.None));
    }

    private static UpsertCi App(int i) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = $"application-{i:D5}",
        Owner = $"team-{i % 50}",
        Attributes = new JsonObject { ["tier"] = i % 5 },
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"key-{i}" },
    })
    { Path = $"cis[{i}]" };
}
