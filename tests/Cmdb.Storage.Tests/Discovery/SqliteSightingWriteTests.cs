using Cmdb.Domain.Discovery;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Discovery;
using Cmdb.Storage.Tests.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Discovery;

/// <summary>How a run's sightings are written: rows in key order, and no WAL copy-back while the run waits.</summary>
public sealed class SqliteSightingWriteTests : SqliteFileTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InKeyOrder_ScopesInOrderCisNot_SortsWithinEachScopeAndKeepsDuplicatesInGivenOrder()
    {
        CiSighting[] rows = [Row("a", "ci-3", 1), Row("a", "ci-1", 2), Row("a", "ci-3", 3), Row("b", "ci-2", 4), Row("b", "ci-0", 5), Row("c", "ci-9", 6)];

        var sorted = SqliteDiscoveryStateStore.InKeyOrder(rows);

        Assert.Equal([2L, 1L, 3L, 5L, 4L, 6L], sorted.Select(r => r.Fingerprint));
    }

    [Fact]
    public void InKeyOrder_ManyDuplicatesOutOfOrder_EachKeysRowsStayInGivenOrder()
    {
        // More rows than Array.Sort's insertion-sort cut-off (16), so an unstable sort would reorder duplicates.
        var rows = Enumerable.Range(0, 200).Select(i => Row("s", $"ci-{(i * 37) % 7}", i)).ToArray();

        var sorted = SqliteDiscoveryStateStore.InKeyOrder(rows);

        Assert.Equal(rows.OrderBy(r => r.CiId, StringComparer.Ordinal).Select(r => r.Fingerprint), sorted.Select(r => r.Fingerprint));
    }

    [Fact]
    public void InKeyOrder_ScopeComesBackOrScopesOutOfOrder_SortsTheWholeLotStably()
    {
        CiSighting[] back = [Row("b", "ci-2", 1), Row("a", "ci-1", 2), Row("b", "ci-1", 3), Row("b", "ci-1", 4)];
        CiSighting[] inOrder = [Row("a", "ci-1", 1), Row("a", "ci-2", 2), Row("b", "ci-1", 3)];

        Assert.Equal([2L, 3L, 4L, 1L], SqliteDiscoveryStateStore.InKeyOrder(back).Select(r => r.Fingerprint));
        Assert.Equal([1L, 2L, 3L], SqliteDiscoveryStateStore.InKeyOrder(inOrder).Select(r => r.Fingerprint));
        Assert.Empty(SqliteDiscoveryStateStore.InKeyOrder([]));
    }

    [Fact]
    public async Task SaveSightingsAsync_SameKeyTwice_LastRowWins()
    {
        var (cmdb, state) = await OpenStateAsync(pageSize: 0);
        await using var _ = cmdb;
        using var __ = state;

        await state.SaveSightingsAsync(Changes([Row("s1", "ci-2", 1), Row("s1", "ci-1", 2), Row("s1", "ci-2", 3)]), CancellationToken.None);

        var saved = (await state.GetSightingsAsync("tf", CancellationToken.None)).ToDictionary(s => s.CiId, s => s.Fingerprint);
        Assert.Equal(new Dictionary<string, long> { ["ci-1"] = 2, ["ci-2"] = 3 }, saved);
    }

    [Fact]
    public async Task SaveSightingsThenRun_WalPastAutocheckpoint_CommitsReturnBeforeTheCopyBackWhichFollowsOnItsOwn()
    {
        // 4 kB pages, so SQLite's autocheckpoint (1,000 pages) is reached with 4 MB of rows rather than 16.
        var (cmdb, state) = await OpenStateAsync(pageSize: 4096);
        await using var _ = cmdb;
        using var __ = state;
        Scalar("PRAGMA wal_checkpoint(TRUNCATE)"); // the migrations' pages, so the file's size moves only with the sightings
        var before = new FileInfo(Database.Path).Length;
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        state.BeforeCheckpoint = () => hold.Task;

        await state.SaveSightingsAsync(Changes([.. Enumerable.Range(0, 80_000).Select(i => Row($"scope-{i % 4}", $"ci-{i:D6}", i))]), CancellationToken.None);
        await state.SaveRunAsync(new StoredRun("01RUN", "tf", T0, "{}"), CancellationToken.None); // the run record, saved next
        var atReturn = new FileInfo(Database.Path).Length;
        hold.SetResult();
        await state.LatestCheckpoint;

        // Committed (readable) before any page was copied back into the database file; then the copy ran behind.
        Assert.Equal(80_000, (await state.GetSightingsAsync("tf", CancellationToken.None)).Count);
        Assert.NotNull(await state.GetRunAsync("01RUN", CancellationToken.None));
        Assert.Equal(before, atReturn);
        Assert.True(new FileInfo(Database.Path).Length > before + 2_000_000, "the handed-off checkpoint copied the WAL back");
    }

    [Fact]
    public async Task SaveSightingsAsync_SmallWrite_HandsNoCheckpointOff()
    {
        var (cmdb, state) = await OpenStateAsync(pageSize: 4096);
        await using var _ = cmdb;
        using var __ = state;
        var handedOff = false;
        state.BeforeCheckpoint = () =>
        {
            handedOff = true;
            return Task.CompletedTask;
        };

        await state.SaveSightingsAsync(Changes([Row("s1", "ci-1", 1)]), CancellationToken.None);
        await state.LatestCheckpoint;

        Assert.False(handedOff);
        Assert.Single(await state.GetSightingsAsync("tf", CancellationToken.None));
    }

    private async Task<(SqliteCmdbStore Cmdb, SqliteDiscoveryStateStore State)> OpenStateAsync(int pageSize)
    {
        var cmdb = NewStore();
        if (pageSize > 0) cmdb.NewFilePageSize = pageSize;
        await cmdb.InitializeAsync(CancellationToken.None);
        return (cmdb, new SqliteDiscoveryStateStore(new SqliteStorageOptions { DatabasePath = Database.Path }, cmdb));
    }

    private static SightingChanges Changes(IReadOnlyList<CiSighting> rows) => new("tf", T0, [], rows, [], []);

    private static CiSighting Row(string scope, string ci, long fingerprint) => new("tf", scope, ci, fingerprint, T0, T0, 0, false);
}
