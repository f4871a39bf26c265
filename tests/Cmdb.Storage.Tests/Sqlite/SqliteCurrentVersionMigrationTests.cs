using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// V0014: a CI's current version is its highest <c>ci_version</c> row, not the one <c>ci.version</c> names, so an update
/// of what only the snapshot holds leaves the <c>ci</c> row unwritten, while every read (by id, in bulk, by filter, by
/// search, after a restart) still answers with the new version. A file from before the step migrates without a rewrite,
/// and its stored <c>ci.version</c> is read by nothing.
/// </summary>
public sealed class SqliteCurrentVersionMigrationTests : SqliteFileTests
{
    /// <summary>
    /// What a V0013 build leaves for the same history: <c>ci.version</c> naming each CI's current version, no record of
    /// step 14. The older migration tests start their way back here.
    /// </summary>
    internal const string ToV0013Sql = """
        UPDATE ci SET version = (SELECT max(v.version) FROM ci_version v WHERE v.ci_id = ci.id);
        DELETE FROM schema_migrations WHERE version = 14;
        """;

    // Counts every write of a ci row the store makes from here on (a row rewritten with the same values included).
    private const string CountRowWrites = """
        CREATE TABLE test_ci_writes (rid INTEGER NOT NULL);
        CREATE TRIGGER test_ci_written AFTER UPDATE ON ci BEGIN INSERT INTO test_ci_writes VALUES (new.rid); END;
        """;

    [Fact]
    public async Task ApplyAsync_AttributesOnly_WritesNoCiRowAndEveryReadHasTheNewVersion()
    {
        string id;
        await using (var store = await OpenAsync())
        {
            id = await CreateAsync(store, "alpha");
            Scalar(CountRowWrites);

            await UpdateAsync(store, id, 1, new CiFields { Attributes = new JsonObject { ["rack"] = "rack-42" }, Tags = ["blue"] });

            Assert.Equal(0L, Scalar("SELECT count(*) FROM test_ci_writes"));
            await AssertCurrentAsync(store, id, 2, "rack-42");
        }

        await using var reopened = await OpenAsync(); // the start-up loaders find the current version without the row
        await AssertCurrentAsync(reopened, id, 2, "rack-42");
        await UpdateAsync(reopened, id, 2, new CiFields { Attributes = new JsonObject { ["rack"] = "rack-43" } });
        await AssertCurrentAsync(reopened, id, 3, "rack-43");
    }

    [Fact]
    public async Task ApplyAsync_FilteredFieldChanges_RewritesTheRowAndFiltersSeeIt()
    {
        await using var store = await OpenAsync();
        var id = await CreateAsync(store, "alpha");
        Scalar(CountRowWrites);

        await UpdateAsync(store, id, 1, new CiFields { Owner = "team-new", Attributes = new JsonObject { ["rack"] = "rack-7" } });
        await store.ApplyAsync(WriteBatch.Of(new RetireCi(id, 2)), Actor.System, CancellationToken.None);

        Assert.Equal(2L, Scalar("SELECT count(*) FROM test_ci_writes"));
        var byOwner = await store.QueryCisAsync(new CiFilter { Owner = "team-new", Statuses = [CiStatus.Retired] }, 10, null, null, CancellationToken.None);
        var found = Assert.Single(byOwner.Items).Node;
        Assert.Equal((id, 3, "rack-7"), (found.Id, found.Version, found.Attributes["rack"]!.GetValue<string>()));
    }

    [Fact]
    public async Task InitializeAsync_V0013File_MigratesWithoutARewriteAndNoReaderUsesTheStoredVersion()
    {
        string id;
        await using (var store = await OpenAsync())
        {
            id = await CreateAsync(store, "alpha");
            await UpdateAsync(store, id, 1, new CiFields { Attributes = new JsonObject { ["rack"] = "rack-1" } });
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Scalar(ToV0013Sql);
        Assert.Equal(2L, Scalar("SELECT version FROM ci")); // as a V0013 build kept it
        Scalar("UPDATE ci SET version = 99"); // and from here on, nothing may read it

        await using var migrated = await OpenAsync();

        Assert.Equal(1, migrated.AppliedMigrations);
        Assert.Equal((long)Cmdb.Storage.Sqlite.Migrations.Migrations.Latest, Scalar("SELECT max(version) FROM schema_migrations"));
        await AssertCurrentAsync(migrated, id, 2, "rack-1");
        await UpdateAsync(migrated, id, 2, new CiFields { Attributes = new JsonObject { ["rack"] = "rack-2" } });
        await AssertCurrentAsync(migrated, id, 3, "rack-2");
    }

    private static async Task<string> CreateAsync(SqliteCmdbStore store, string key)
    {
        var result = await store.ApplyAsync(WriteBatch.Of(new UpsertCi(null, WellKnown.Classes.Application, new CiFields
        {
            Name = $"{key} app",
            Owner = "team-old",
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"app:{key}" },
            Attributes = new JsonObject { ["rack"] = "rack-0" },
        })), Actor.System, CancellationToken.None);
        return result.Results[0].EntityId;
    }

    private static Task<WriteResult> UpdateAsync(SqliteCmdbStore store, string id, long version, CiFields fields) =>
        store.ApplyAsync(WriteBatch.Of(new UpdateCi(id, version, fields)), Actor.System, CancellationToken.None);

    /// <summary>
    /// Every way of reading the current CI answers with <paramref name="version"/> and its rack (the writer's own read
    /// is the next update's: it names the version it expects).
    /// </summary>
    private static async Task AssertCurrentAsync(SqliteCmdbStore store, string id, long version, string rack)
    {
        var bulk = (await store.GetCisAsync([id], null, CancellationToken.None))[id];
        var filtered = Assert.Single((await store.QueryCisAsync(
            new CiFilter { Classes = [WellKnown.Classes.Application] }, 10, null, null, CancellationToken.None)).Items).Node;
        var searched = Assert.Single(await store.SearchAsync(rack, 5, CancellationToken.None)).Ci;
        var byKey = await store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, "app:alpha", null, CancellationToken.None);
        foreach (var ci in new[] { bulk, filtered, searched, byKey! })
            Assert.Equal((id, version, rack), (ci.Id, ci.Version, ci.Attributes["rack"]!.GetValue<string>()));
    }
}
