using System.Globalization;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Since V0012 the search index lives in a file of its own beside the database, committed after it with the batch's
/// commit number. Whatever happened to that file (a lost commit, deleted, another database's, a file migrated from
/// V0011), search answers exactly as a store whose search rows were never lost: same CIs, same scores, same order.
/// </summary>
public sealed class SqliteSearchFileTests : SqliteFileTests
{
    private const int Bulk = 1_200; // pipelined: the search rows go through the search file's own thread

    /// <summary>
    /// What V0011 left in the database file: the search index in it (empty here: V0012 drops it), no <c>search_link</c>.
    /// The search file stays and is rebuilt, its file id no longer being the database's.
    /// </summary>
    internal const string ToV0011Sql = SqliteDerivedVersionEndMigrationTests.ToV0012Sql + """
        DROP TABLE search_link;
        CREATE VIRTUAL TABLE ci_fts USING fts5 (name, identifiers, tags, people, class, attributes, content = '', contentless_delete = 1);
        DELETE FROM schema_migrations WHERE version = 12;
        """;

    private static readonly string[] Queries = ["alpha", "bravo", "charlie", "bulk", "bulk 7", "svc", "team", "Zürich", "prod", "delta"];

    [Fact]
    public async Task ApplyAsync_SearchRows_GoToTheSearchFileWithTheCommitNumber()
    {
        await using var store = await OpenAsync();
        await WriteAsync(store, failSecondSearchCommit: false);

        Assert.Equal(0L, MainScalar("SELECT count(*) FROM sqlite_master WHERE name = 'ci_fts'"));
        Assert.Equal(MainScalar("SELECT max(seq) FROM txn"), SearchScalar(store, "SELECT seq FROM search_state"));
        Assert.Equal(MainScalar("SELECT count(*) FROM ci"), SearchScalar(store, "SELECT count(*) FROM ci_fts_docsize"));
        Assert.Single(await store.SearchAsync("charlie", 10, CancellationToken.None));
        Assert.Equal(1000, (await store.SearchAsync("bulk", 1000, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task InitializeAsync_SearchCommitLostAfterTheDatabaseCommit_CatchesUpFromTheDatabase()
    {
        var expected = await ReferenceAsync();
        await using (var store = await OpenAsync())
        {
            await WriteAsync(store, failSecondSearchCommit: true);
            Assert.Empty(await store.SearchAsync("charlie", 10, CancellationToken.None)); // the lost commit, as a crash leaves it
            Assert.Equal(MainScalar("SELECT max(seq) FROM txn") - 1, SearchScalar(store, "SELECT seq FROM search_state"));
        }

        await using var reopened = await OpenAsync();

        // Batch 2 changed A (renamed bravo), created charlie and updated bulk-7: only those rows are written again.
        Assert.Equal((3, false), reopened.SearchRecovered);
        Assert.Equal(expected, await DescribeAsync(reopened));
        Assert.Equal(MainScalar("SELECT max(seq) FROM txn"), SearchScalar(reopened, "SELECT seq FROM search_state"));
    }

    [Fact]
    public async Task ApplyAsync_AfterAFailedSearchCommit_CatchesUpBeforeTheNextBatch()
    {
        var expected = await ReferenceAsync(extra: true);
        await using var store = await OpenAsync();
        await WriteAsync(store, failSecondSearchCommit: true);

        await store.ApplyAsync(WriteBatch.Of(App("delta", "prod")), Actor.System, CancellationToken.None);

        Assert.Equal(expected, await DescribeAsync(store));
        Assert.Equal(MainScalar("SELECT max(seq) FROM txn"), SearchScalar(store, "SELECT seq FROM search_state"));
    }

    [Fact]
    public async Task InitializeAsync_SearchFileMissing_RebuildsItFromTheCurrentVersions()
    {
        var expected = await ReferenceAsync();
        string path;
        await using (var store = await OpenAsync())
        {
            await WriteAsync(store, failSecondSearchCommit: false);
            path = store.SearchFilePath;
        }

        File.Delete(path);
        await using var reopened = await OpenAsync();

        Assert.Equal((2 + Bulk, true), reopened.SearchRecovered);
        AssertRebuiltAnswers(expected, await DescribeAsync(reopened));
    }

    [Fact]
    public async Task InitializeAsync_AnotherDatabasesSearchFile_IsRebuiltNotTrusted()
    {
        var expected = await ReferenceAsync();
        using var other = new TempDatabase();
        await using (var store = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = other.Path }, Model, Time))
        {
            await store.InitializeAsync(CancellationToken.None);
            await store.ApplyAsync(new WriteBatch([App("alpha", "prod"), App("stranger", "prod")]), Actor.System, CancellationToken.None);
        }

        string path;
        await using (var store = await OpenAsync())
        {
            await WriteAsync(store, failSecondSearchCommit: false);
            path = store.SearchFilePath;
        }

        // The other file's watermark (1) is behind this database's: only the file id tells them apart.
        File.Copy(other.Path + "-search", path, overwrite: true);
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        await using var reopened = await OpenAsync();

        Assert.True(reopened.SearchRecovered.Rebuilt);
        Assert.Empty(await reopened.SearchAsync("stranger", 10, CancellationToken.None));
        AssertRebuiltAnswers(expected, await DescribeAsync(reopened));
    }

    [Fact]
    public async Task InitializeAsync_V0011File_MovesTheSearchIndexOutAndAnswersAsBefore()
    {
        List<(string Query, string Name, double Score)> before;
        string path;
        await using (var store = await OpenAsync())
        {
            await WriteAsync(store, failSecondSearchCommit: false);
            before = await DescribeAsync(store);
            path = store.SearchFilePath;
        }

        ToV0011(Database.Path, path);
        await using var migrated = await OpenAsync();

        Assert.Equal(Cmdb.Storage.Sqlite.Migrations.Migrations.Latest - 11, migrated.AppliedMigrations); // step 12 and any later
        Assert.Equal(0L, MainScalar("SELECT count(*) FROM sqlite_master WHERE name = 'ci_fts'"));
        Assert.True(migrated.SearchRecovered.Rebuilt);
        AssertRebuiltAnswers(before, await DescribeAsync(migrated));
    }

    [Fact]
    public async Task SearchAsync_RepeatedOnPooledConnections_AttachesAndDetachesEachTime()
    {
        await using var store = await OpenAsync();
        await store.ApplyAsync(WriteBatch.Of(App("alpha", "prod")), Actor.System, CancellationToken.None);

        for (var i = 0; i < 20; i++) Assert.Single(await store.SearchAsync("alpha", 10, CancellationToken.None));
        await store.ApplyAsync(WriteBatch.Of(App("alphabet", "prod")), Actor.System, CancellationToken.None);

        Assert.Equal(2, (await store.SearchAsync("alpha", 10, CancellationToken.None)).Count);
    }

    /// <summary>
    /// A rebuilt index answers with the same CIs in the same order; scores may differ in the third digit: FTS5 with
    /// <c>contentless_delete</c> keeps a replaced row's tokens in the column averages bm25 uses (the incrementally
    /// written index has replaced rows, the rebuilt one none). The old index in the database file drifted the same way.
    /// </summary>
    private static void AssertRebuiltAnswers(List<(string Query, string Name, double Score)> expected, List<(string Query, string Name, double Score)> actual)
    {
        Assert.Equal(expected.Select(h => (h.Query, h.Name)), actual.Select(h => (h.Query, h.Name)));
        for (var i = 0; i < expected.Count; i++) Assert.InRange(actual[i].Score, expected[i].Score * 0.99, expected[i].Score * 1.01);
    }

    /// <summary>The same writes on a store whose search commits all succeed: what every recovery must answer.</summary>
    private async Task<List<(string Query, string Name, double Score)>> ReferenceAsync(bool extra = false)
    {
        using var folder = new TempDatabase();
        await using var store = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = folder.Path }, Model, Time);
        await store.InitializeAsync(CancellationToken.None);
        await WriteAsync(store, failSecondSearchCommit: false);
        if (extra) await store.ApplyAsync(WriteBatch.Of(App("delta", "prod")), Actor.System, CancellationToken.None);
        return await DescribeAsync(store);
    }

    /// <summary>
    /// Batch 1: alpha (tags, people, attributes, non-ASCII), the bulk (pipelined). Batch 2 (its search commit failing
    /// when asked): alpha renamed bravo, charlie created, bulk-7 given a new attribute.
    /// </summary>
    private async Task WriteAsync(SqliteCmdbStore store, bool failSecondSearchCommit)
    {
        var start = Time.GetUtcNow();
        var first = await store.ApplyAsync(new WriteBatch(
        [
            App("alpha", "prod"),
            .. Enumerable.Range(0, Bulk).Select(i => App(string.Create(CultureInfo.InvariantCulture, $"bulk-{i}"), i % 3 == 0 ? "prod" : "test")),
        ]), Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        store.FailSearchCommitForTests = failSecondSearchCommit;
        await store.ApplyAsync(new WriteBatch(
        [
            new UpdateCi(first.Results[0].EntityId, 1, new CiFields { Name = "bravo" }),
            App("charlie", "prod"),
            new UpdateCi(first.Results[8].EntityId, 1, new CiFields { Attributes = new() { ["site"] = "Zürich" } }),
        ]), Actor.System, CancellationToken.None);
        store.FailSearchCommitForTests = false;
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(Time.GetUtcNow() > start);
    }

    /// <summary>Every query's hits: name and score, in order.</summary>
    private static async Task<List<(string Query, string Name, double Score)>> DescribeAsync(SqliteCmdbStore store)
    {
        var hits = new List<(string Query, string Name, double Score)>();
        foreach (var query in Queries)
        {
            foreach (var hit in await store.SearchAsync(query, 50, CancellationToken.None)) hits.Add((query, hit.Ci.Name, hit.Score));
        }

        Assert.NotEmpty(hits);
        return hits;
    }

    private static UpsertCi App(string key, string environment) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = key,
        Environment = environment,
        Owner = "svc owner",
        SupportGroup = "team " + environment,
        Tags = ["web", environment],
        Attributes = new() { ["tier"] = "front", ["port"] = 8080 },
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });

    /// <summary>Turns a V0012 file back into what V0011 left: the index in the database file, no search file.</summary>
    private static void ToV0011(string databasePath, string searchPath)
    {
        using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = ToV0011Sql + "INSERT INTO ci_fts (rowid, name) SELECT rid, name FROM ci;";
            cmd.ExecuteNonQuery();
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(searchPath + suffix);
    }

    private long MainScalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long SearchScalar(SqliteCmdbStore store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store.SearchFilePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
