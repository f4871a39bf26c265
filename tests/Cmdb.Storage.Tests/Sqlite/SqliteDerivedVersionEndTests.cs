using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// V0013: a CI version's end is its successor's start, not a stored column. As-of reads, history and the start-up
/// load answer as the stored end did, and an update no longer touches the version it supersedes.
/// </summary>
public sealed class SqliteDerivedVersionEndTests : SqliteFileTests
{
    private static readonly TimeSpan[] Minutes = [.. Enumerable.Repeat(TimeSpan.FromMinutes(1), 5)];

    [Fact]
    public async Task AsOfReads_BeforeBetweenAndAfterEveryVersionAndAfterRetirement_ReturnTheVersionThen()
    {
        await using var store = await OpenAsync();
        var moments = await VersionHistory.WriteAsync(store, Time, Minutes);

        Assert.Equal(VersionHistory.Expected, await VersionHistory.DescribeAsync(store, moments));
    }

    [Fact]
    public async Task AsOfQuery_FilteredByStatusAndName_SeesOnlyTheVersionValidThen()
    {
        await using var store = await OpenAsync();
        var moments = await VersionHistory.WriteAsync(store, Time, Minutes);

        async Task<string> Names(CiFilter filter, int moment) => string.Join(',',
            (await store.QueryCisAsync(filter, 50, null, moments[moment], CancellationToken.None)).Items.Select(i => i.Node.Name).Order(StringComparer.Ordinal));

        var retired = new CiFilter { Statuses = [CiStatus.Retired] };
        Assert.Equal("", await Names(retired, 3));
        Assert.Equal("alpha v3", await Names(retired, 4));
        Assert.Equal("", await Names(retired, 5)); // restored: a version of its own, active again
        var active = new CiFilter { Statuses = [CiStatus.Active] };
        Assert.Equal("alpha v3,beta v3,delta,gamma", await Names(active, 3));
        Assert.Equal("beta v3,delta,gamma", await Names(active, 4));
    }

    [Fact]
    public async Task History_OfARenamedRetiredAndRestoredCi_ListsEachChangeOnce()
    {
        await using var store = await OpenAsync();
        await VersionHistory.WriteAsync(store, Time, Minutes);
        var alpha = await store.FindByIdentifierAsync(Cmdb.Domain.Model.WellKnown.Identifiers.CmdbKey, "app:alpha", null, CancellationToken.None);

        var history = await store.GetHistoryAsync(alpha!.Id, 10, null, CancellationToken.None);

        Assert.Equal(["update", "retire", "update", "update", "create"], history.Items.Select(i => i.Node.Operation));
    }

    [Fact]
    public async Task ApplyAsync_Update_LeavesTheSupersededVersionRowAsItWas()
    {
        await using var store = await OpenAsync();
        await VersionHistory.WriteAsync(store, Time, Minutes);

        // No end is written into an old row: the update path no longer reads and dirties the superseded version's page.
        Assert.Equal(0L, Number("SELECT count(*) FROM ci_version WHERE valid_to_seq IS NOT NULL"));
        Assert.Equal(0L, Number("SELECT count(*) FROM sqlite_master WHERE name = 'ci_version_ended'"));
        Assert.Equal("app:alpha:1 app:alpha:2 app:alpha:3 app:alpha:4 app:alpha:5 app:beta:1 app:beta:2 app:beta:3 app:delta:1 app:gamma:1 app:gamma:2",
            VersionHistory.StoredVersions(Database.Path));
    }

    [Fact]
    public async Task InitializeAsync_AfterUpdatesRetirementAndRestore_LoadsTheCurrentVersionsAndTheirDigests()
    {
        DateTimeOffset[] moments;
        await using (var store = await OpenAsync()) moments = await VersionHistory.WriteAsync(store, Time, Minutes);

        await using var reopened = await OpenAsync();

        // The node scan's current rows (each CI's last) and the digest scan's (the versions without a successor) agree.
        Assert.True(reopened.StartupDigestsFromScan);
        Assert.Equal(VersionHistory.Expected, await VersionHistory.DescribeAsync(reopened, moments));
        var again = await reopened.ApplyAsync(new WriteBatch(
        [
            VersionHistory.App("beta v3", "app:beta"), VersionHistory.App("gamma v2", "app:gamma"), VersionHistory.App("delta"),
        ]), Actor.System, CancellationToken.None);
        Assert.Equal([3L, 2L, 1L], again.Results.Select(r => r.Version));
        Assert.All(again.Results, r => Assert.Equal(WriteOutcome.Unchanged, r.Outcome));
        Assert.Equal(3, reopened.UnchangedInMemory); // each decided by its current version's digest, loaded at start-up
        var graph = await reopened.GetGraphAsync([], CancellationToken.None);
        var alpha = await reopened.FindByIdentifierAsync(Cmdb.Domain.Model.WellKnown.Identifiers.CmdbKey, "app:alpha", null, CancellationToken.None);
        Assert.True(graph.TryGetNode(alpha!.Id, out var node));
        Assert.Equal(CiStatus.Active, graph.StateAt(node, int.MaxValue)?.Status);
        Assert.Equal(CiStatus.Retired, graph.StateAt(node, graph.Commits.SeqAt(moments[4]))?.Status);
    }

    [Fact]
    public async Task InitializeAsync_ScansDisagreeOnTheCurrentRow_ReadsTheDigestsOfTheVersionsCiNames()
    {
        string id;
        await using (var store = await OpenAsync())
        {
            id = (await store.ApplyAsync(WriteBatch.Of(VersionHistory.App("solo")), Actor.System, CancellationToken.None)).Results[0].EntityId;
            await store.ApplyAsync(WriteBatch.Of(new UpdateCi(id, 1, new CiFields { Name = "solo v2" })), Actor.System, CancellationToken.None);
        }

        // Version 1 moved after version 2 in rowid order: the node scan's last row is no longer the version without a successor.
        Execute($"UPDATE ci_version SET rowid = rowid + 1000 WHERE ci_id = '{id}' AND version = 1");
        await using var reopened = await OpenAsync();

        Assert.False(reopened.StartupDigestsFromScan);
        var again = await reopened.ApplyAsync(WriteBatch.Of(VersionHistory.App("solo v2", "app:solo")), Actor.System, CancellationToken.None);
        Assert.Equal((WriteOutcome.Unchanged, 2L), (again.Results[0].Outcome, again.Results[0].Version));
        Assert.Equal(1, reopened.UnchangedInMemory); // the slow path read version 2's digest, the one ci.version names
    }

    private long Number(string sql)
    {
        using var cmd = Command(sql);
        return (long)cmd.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        Assert.Equal(1, cmd.ExecuteNonQuery());
    }

    private SqliteCommand Command(string sql)
    {
        var c = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        c.Open();
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Disposed += (_, _) => c.Dispose();
        return cmd;
    }
}
