using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Since V0011 a current-state query filtered by class takes the class's CIs from the graph index (the
/// <c>ci_class</c> index is gone). Its pages, counts and cursors must be those of the same query as of now, which reads
/// the snapshots and filters the class in SQL; a V0010 file migrates (the index is dropped) and answers as before.
/// </summary>
public sealed class SqliteClassFilterTests : SqliteFileTests
{
    /// <summary>Back to V0010's layout: the index as V0001 made it, and no record of step 11.</summary>
    internal const string ToV0010Sql = SqliteSearchFileTests.ToV0011Sql + "CREATE INDEX ci_class ON ci (class, id); DELETE FROM schema_migrations WHERE version = 11;";

    private const int Bulk = 2_101; // more than one chunk of ids (2,000) when other conditions apply; pipelined

    private static readonly CiFilter[] Filters =
    [
        new() { Classes = [WellKnown.Classes.Application] },
        new() { Classes = [WellKnown.Classes.Computer] }, // abstract: its subclasses
        new() { Classes = [WellKnown.Classes.Cache, WellKnown.Classes.LinuxServer] },
        new() { Classes = [WellKnown.Classes.Pod] }, // none written
        new() { Classes = [WellKnown.Classes.Application], Owner = "rare" }, // matches across two chunks
        new() { Classes = [WellKnown.Classes.Computer], Statuses = [CiStatus.Retired] },
        new() { Classes = [WellKnown.Classes.Application, WellKnown.Classes.VirtualMachine], Environments = ["prod"], Tags = ["t1"] },
        new() { Classes = [], Environments = ["test"] }, // an empty class list imposes nothing
        // Statuses, environments and criticalities are applied from the index's facts, the rest in SQL:
        new() { Classes = [WellKnown.Classes.Application], Criticalities = [0, 2, 3, 9] }, // no CI has 0: a CI without one must not match,
        new() { Classes = [WellKnown.Classes.Application], Statuses = [CiStatus.Active], Environments = ["prod", "nowhere"], Criticalities = [1, 4], Owner = "rare" },
        new() { Classes = [WellKnown.Classes.Computer], Environments = ["test", ""] }, // "" stays in SQL
        new() { Classes = [WellKnown.Classes.Application], Environments = ["nowhere"] },
    ];

    [Fact]
    public async Task QueryCisAsync_ClassFilters_MatchTheSnapshotQueryAsOfNow()
    {
        await using var store = await OpenAsync();
        await WriteAsync(store);

        var now = await DescribeAsync(store, asOf: null);
        var snapshots = await DescribeAsync(store, asOf: Time.GetUtcNow());

        Assert.Equal(snapshots, now);
        Assert.Contains("Application: total " + (Bulk + 10), now);
        Assert.Contains("Application owner rare: total 4 ", now); // i = 0, 700, 1400, 2100 of the bulk
        Assert.Contains("Computer status Retired: total 1 ", now);
        Assert.Contains("Pod: total 0 ", now);
        Assert.Matches(@"Application crit 0,2,3,9: total [1-9]\d+ ", now);
        Assert.Contains("Application owner rare status Active crit 1,4: total 2 ", now); // bulk 0 and 2100 (criticality 1)

    }

    [Fact]
    public async Task QueryCisAsync_IdsThatAreNotUlids_SortAsTheIdColumnDoes()
    {
        await using (var store = await OpenAsync()) await WriteAsync(store);
        // CIs with ids that are not ULIDs (as files from before ULIDs hold): copies of app-1 under two such ids, one
        // sorting before every ULID and one after.
        Execute(LegacyCopy("00-legacy") + LegacyCopy("legacy-ci"));
        await using var reopened = await OpenAsync();

        var now = await DescribeAsync(reopened, asOf: null);

        Assert.Equal(await DescribeAsync(reopened, asOf: Time.GetUtcNow()), now);
        Assert.StartsWith("Application: total " + (Bulk + 12) + " next True 00-legacy@", now);
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await reopened.QueryCisAsync(new CiFilter { Classes = [WellKnown.Classes.Application] }, 1000, after, null, CancellationToken.None);
            ids.AddRange(page.Items.Select(i => i.Node.Id));
            after = page.HasNextPage ? page.Items[^1].Cursor : null;
        }
        while (after is not null);

        Assert.Equal(Bulk + 12, ids.Count);
        Assert.Equal("legacy-ci", ids[^1]);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task QueryCisAsync_UnknownClass_IsInvalidAsBefore()
    {
        await using var store = await OpenAsync();

        var error = await Assert.ThrowsAsync<Cmdb.Domain.Errors.CmdbException>(() =>
            store.QueryCisAsync(new CiFilter { Classes = ["NoSuchClass"] }, 10, null, null, CancellationToken.None));
        Assert.Contains("NoSuchClass", error.Message);
    }

    [Fact]
    public async Task InitializeAsync_NewFile_HasNoClassIndex()
    {
        await (await OpenAsync()).DisposeAsync();

        Assert.Equal(0L, Number("SELECT count(*) FROM sqlite_master WHERE name = 'ci_class'"));
        Assert.Equal(1L, Number("SELECT count(*) FROM schema_migrations WHERE version = 11"));
    }

    [Fact]
    public async Task InitializeAsync_V0010File_DropsTheClassIndexAndAnswersAsBefore()
    {
        string before;
        await using (var store = await OpenAsync())
        {
            await WriteAsync(store);
            before = await DescribeAsync(store, asOf: null);
        }

        Execute(ToV0010Sql);
        Assert.Equal(1L, Number("SELECT count(*) FROM sqlite_master WHERE name = 'ci_class'"));

        await using var migrated = await OpenAsync();
        Assert.Equal(0L, Number("SELECT count(*) FROM sqlite_master WHERE name = 'ci_class'"));
        Assert.Equal(before, await DescribeAsync(migrated, asOf: null));
        Time.Advance(TimeSpan.FromMinutes(1));
        await migrated.ApplyAsync(WriteBatch.Of(Ci(WellKnown.Classes.Cache, "late", "prod", null)), Actor.System, CancellationToken.None);
        var page = await migrated.QueryCisAsync(new CiFilter { Classes = [WellKnown.Classes.Cache] }, 100, null, null, CancellationToken.None);
        Assert.Contains(page.Items, i => i.Node.Name == "late");
    }

    /// <summary>Every filter, page by page (7 a page): each page's names and cursors, the count and the last page flag.</summary>
    private static async Task<string> DescribeAsync(SqliteCmdbStore store, DateTimeOffset? asOf)
    {
        var lines = new List<string>();
        foreach (var filter in Filters)
        {
            var label = string.Join(',', filter.Classes ?? []) + (filter.Owner is null ? "" : $" owner {filter.Owner}") +
                (filter.Statuses is null ? "" : $" status {string.Join(',', filter.Statuses)}") +
                (filter.Criticalities is null ? "" : $" crit {string.Join(',', filter.Criticalities)}");
            string? after = null;
            var pages = 0;
            do
            {
                var page = await store.QueryCisAsync(filter, 7, after, asOf, CancellationToken.None);
                lines.Add($"{label}: total {page.TotalCount} next {page.HasNextPage} " +
                    string.Join(';', page.Items.Select(i => $"{i.Node.Name}@{i.Cursor}")));
                after = page.HasNextPage ? page.Items[^1].Cursor : null;
                pages++;
            }
            while (after is not null && pages < 4); // the first pages, and the last one below

            if (after is not null)
            {
                var all = await store.QueryCisAsync(filter, 1000, null, asOf, CancellationToken.None);
                var last = await store.QueryCisAsync(filter, 1000, all.Items[^1].Cursor, asOf, CancellationToken.None);
                lines.Add($"{label}: from the 1000th: {string.Join(';', last.Items.Take(20).Select(i => i.Node.Name))} next {last.HasNextPage}");
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Ten CIs of mixed classes (one retired, one updated), then a bulk of applications.</summary>
    private async Task WriteAsync(SqliteCmdbStore store)
    {
        var first = await store.ApplyAsync(new WriteBatch(
        [
            .. Enumerable.Range(0, 10).Select(i => (WriteOperation)Ci(WellKnown.Classes.Application, $"app-{i}", i % 2 == 0 ? "prod" : "test", i % 3 == 0 ? "t1" : null)),
            Ci(WellKnown.Classes.LinuxServer, "linux-1", "prod", "t1"),
            Ci(WellKnown.Classes.LinuxServer, "linux-2", "test", null),
            Ci(WellKnown.Classes.VirtualMachine, "vm-1", "prod", "t1"),
            Ci(WellKnown.Classes.Cache, "db-1", "prod", null),
        ]), Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.ApplyAsync(new WriteBatch(
        [
            new RetireCi(first.Results[11].EntityId, null),
            new UpdateCi(first.Results[12].EntityId, 1, new CiFields { Environment = "test" }),
        ]), Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.ApplyAsync(new WriteBatch(
        [
            .. Enumerable.Range(0, Bulk).Select(i => (WriteOperation)Ci(WellKnown.Classes.Application, $"bulk-{i}", i % 2 == 0 ? "prod" : "test", i % 5 == 0 ? "t1" : null,
                i % 700 == 0 ? "rare" : "common", i % 3 == 0 ? (i % 4) + 1 : null)),
        ]), Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
    }

    private static UpsertCi Ci(string ciClass, string key, string environment, string? tag, string owner = "common", int? criticality = null) => new(null, ciClass, new CiFields
    {
        Name = key,
        Criticality = criticality,
        Environment = environment,
        Owner = owner,
        Tags = tag is null ? null : [tag],
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });

    private static string LegacyCopy(string id) => $"""
        INSERT INTO ci (rid, id, class, name, status, environment, criticality, owner, support_group, version)
            SELECT (SELECT max(rid) + 1 FROM ci), '{id}', class, '{id}', status, environment, criticality, owner, support_group, version
            FROM ci WHERE name = 'app-1';
        INSERT INTO ci_version (ci_id, version, valid_from_seq, valid_to_seq, doc)
            SELECT '{id}', v.version, v.valid_from_seq, v.valid_to_seq, json_set(v.doc, '$.id', '{id}', '$.name', '{id}')
            FROM ci_version v JOIN ci c ON c.id = v.ci_id WHERE c.name = 'app-1';
        """;

    private long Number(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        SqliteConnection.ClearAllPools();
        using var c = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
