using Cmdb.Domain.Discovery;
using Cmdb.Domain.Errors;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Discovery;
using Cmdb.Storage.Tests.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Discovery;

public sealed class SqliteDiscoveryStateStoreTests : SqliteFileTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private async Task<(SqliteCmdbStore Cmdb, SqliteDiscoveryStateStore State)> OpenStateAsync()
    {
        var cmdb = await OpenAsync();
        return (cmdb, new SqliteDiscoveryStateStore(new SqliteStorageOptions { DatabasePath = Database.Path }, cmdb));
    }

    [Fact]
    public async Task SaveRunAsync_RunsOfTwoSources_ListedNewestFirstPagedAndLatestPerSource()
    {
        var (cmdb, state) = await OpenStateAsync();
        await using var _ = cmdb;
        using var __ = state;
        await state.SaveRunAsync(new StoredRun("01A", "tf", T0, "{\"v\":1}"), CancellationToken.None);
        await state.SaveRunAsync(new StoredRun("01B", "k8s", T0, "{}"), CancellationToken.None);
        await state.SaveRunAsync(new StoredRun("01C", "tf", T0, "{}"), CancellationToken.None);
        await state.SaveRunAsync(new StoredRun("01A", "tf", T0, "{\"v\":2}"), CancellationToken.None);

        var first = await state.GetRunsAsync("tf", 1, null, CancellationToken.None);
        var second = await state.GetRunsAsync("tf", 1, first.EndCursor, CancellationToken.None);
        var latest = await state.GetLastRunsAsync(CancellationToken.None);

        Assert.Equal(("01C", 2, true), (first.Items[0].Node.Id, first.TotalCount, first.HasNextPage));
        Assert.Equal(("01A", "{\"v\":2}", false), (second.Items[0].Node.Id, second.Items[0].Node.Json, second.HasNextPage));
        Assert.Equal(["01B", "01C"], latest.Select(r => r.Id).Order());
        Assert.Null(await state.GetRunAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task SaveRunAsync_RecordsOlderThanRetention_AreForgottenExceptRunsStillHolding()
    {
        var (cmdb, state) = await OpenStateAsync();
        await using var _ = cmdb;
        using var __ = state;
        await state.SaveRunAsync(new StoredRun("01OLD", "tf", T0, "{}"), CancellationToken.None);
        await state.SaveRunAsync(new StoredRun("01HELD", "tf", T0, "{}"), CancellationToken.None);
        await state.AddHeldAsync([new HeldRetirement("01HELD", "tf", "s1", "ci-1", "missed")], CancellationToken.None);
        await state.AddConflictsAsync([new StoredConflict("01X", "tf", "01OLD", T0, "{}")], CancellationToken.None);

        await state.SaveRunAsync(new StoredRun("01NEW", "tf", T0.AddDays(401), "{}"), CancellationToken.None);

        var runs = await state.GetRunsAsync("tf", 10, null, CancellationToken.None);
        Assert.Equal(["01HELD", "01NEW"], runs.Items.Select(i => i.Node.Id).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await state.GetConflictsAsync("tf", 10, null, CancellationToken.None)).TotalCount);
        Assert.Single(await state.GetHeldAsync("01HELD", CancellationToken.None));
        Assert.Equal(["01HELD"], await state.GetHeldRunIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetRunsAsync_ForeignCursorOrBadPageSize_ValidationError()
    {
        var (cmdb, state) = await OpenStateAsync();
        await using var _ = cmdb;
        using var __ = state;

        var cursor = await Assert.ThrowsAsync<CmdbException>(() => state.GetRunsAsync(null, 10, "not-a-cursor", CancellationToken.None));
        var size = await Assert.ThrowsAsync<CmdbException>(() => state.GetConflictsAsync(null, 0, null, CancellationToken.None));

        Assert.Equal((ErrorCode.Validation, ErrorCode.Validation), (cursor.Code, size.Code));
        Assert.Contains("first must be between 1 and", size.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveSightingsAsync_UpsertsThenSetBasedSeenAndMissed_AreReadBack()
    {
        var (cmdb, state) = await OpenStateAsync();
        await using var _ = cmdb;
        using var __ = state;
        await state.SaveSightingsAsync(new SightingChanges("tf", T0, [],
            [new CiSighting("tf", "s1", "ci-1", 11, T0, T0, 0, false), new CiSighting("tf", "s1", "ci-2", 22, T0, T0, 0, false),
             new CiSighting("k8s", "c1", "ci-1", 33, T0, T0, 0, false)],
            [new RelationshipSighting("tf", "s1", "DEPENDS_ON|ci-1|ci-2", "7", 5, T0, 0)], []), CancellationToken.None);
        var t1 = T0.AddHours(1);

        await state.SaveSightingsAsync(new SightingChanges("tf", t1,
            [new ScopeSightingChanges("s1", true, ["ci-1"], ["ci-2"], [], ["DEPENDS_ON|ci-1|ci-2"])], [], [], []), CancellationToken.None);
        await state.SaveSightingsAsync(new SightingChanges("tf", t1, [new ScopeSightingChanges("s1", true, [], ["ci-2"], [], [])], [], [], [("s1", "DEPENDS_ON|ci-1|ci-2")]),
            CancellationToken.None);

        var tf = (await state.GetSightingsAsync("tf", CancellationToken.None)).ToDictionary(s => s.CiId);
        Assert.Equal((t1, 0, 11L), (tf["ci-1"].LastSeen, tf["ci-1"].Missed, tf["ci-1"].Fingerprint));
        Assert.Equal((T0, 2), (tf["ci-2"].LastSeen, tf["ci-2"].Missed));
        Assert.Empty(await state.GetRelationshipSightingsAsync("tf", CancellationToken.None));
        var sources = await state.GetSourcesAsync(["ci-1", "ci-9"], CancellationToken.None);
        Assert.Equal(["k8s", "tf"], sources["ci-1"].Select(s => s.Source));
        Assert.False(sources.ContainsKey("ci-9"));
        Assert.Equal(["ci-1"], await state.GetSeenElsewhereAsync("tf", "s1", ["ci-1", "ci-2"], ["tf", "k8s"], CancellationToken.None));
        Assert.Empty(await state.GetSeenElsewhereAsync("tf", "s1", ["ci-1", "ci-2"], ["tf"], CancellationToken.None)); // k8s no longer configured

        await state.ResetMissedAsync("tf", [("s1", "ci-2")], CancellationToken.None);
        Assert.All(await state.GetSightingsAsync("tf", CancellationToken.None), s => Assert.Equal(0, s.Missed));
    }

    [Fact]
    public async Task AddHeldAsync_ThenClear_HeldRowsComeAndGo()
    {
        var (cmdb, state) = await OpenStateAsync();
        await using var _ = cmdb;
        using var __ = state;
        await state.AddHeldAsync([new HeldRetirement("run-1", "tf", "s1", "ci-1", "missed"), new HeldRetirement("run-2", "tf", "s1", "ci-2", "missed")],
            CancellationToken.None);
        await state.AddConflictsAsync([new StoredConflict("01X", "tf", "run-1", T0, "{}")], CancellationToken.None);

        var held = await state.GetHeldAsync("run-1", CancellationToken.None);
        await state.ClearHeldAsync("run-1", CancellationToken.None);

        Assert.Equal("ci-1", Assert.Single(held).CiId);
        Assert.Empty(await state.GetHeldAsync("run-1", CancellationToken.None));
        Assert.Single(await state.GetHeldAsync("run-2", CancellationToken.None));
        Assert.Equal("01X", Assert.Single((await state.GetConflictsAsync("tf", 10, null, CancellationToken.None)).Items).Node.Id);
        Assert.Empty((await state.GetConflictsAsync("other", 10, null, CancellationToken.None)).Items);
    }
}
