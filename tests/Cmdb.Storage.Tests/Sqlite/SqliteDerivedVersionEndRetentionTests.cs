using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// V0013: retention forgets a CI version once its successor began before the cut-off (the successor's start is its
/// end), found through the audit entries pruned with it; current versions stay, whatever their age.
/// </summary>
public sealed class SqliteDerivedVersionEndRetentionTests : SqliteFileTests
{
    // Commits 1–3 on days 0–2, commits 4 and 5 on days 42 and 43.
    private static readonly TimeSpan[] Gaps = [TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), TimeSpan.FromDays(1), TimeSpan.FromDays(40), TimeSpan.FromDays(1)];

    [Fact]
    public async Task InitializeAsync_CutOffBetweenCommits3And4_RemovesExactlyTheVersionsEndedByThen()
    {
        DateTimeOffset[] moments;
        await using (var store = await OpenAsync()) moments = await VersionHistory.WriteAsync(store, Time, Gaps);
        Time.Advance(TimeSpan.FromDays(380)); // the cut-off (400 days back) now lies near day 23

        await using var pruned = await OpenAsync();

        // Ended by commit 3 or earlier: alpha 1 and 2, beta 1 and 2 (2 began and ended in commit 3). Alpha 3 ended in
        // commit 4 and gamma 1 in commit 5, after the cut-off; alpha 5, beta 3, gamma 2 and delta 1 are current (delta's
        // is as old as the pruned ones).
        Assert.Equal("app:alpha:3 app:alpha:4 app:alpha:5 app:beta:3 app:delta:1 app:gamma:1 app:gamma:2", VersionHistory.StoredVersions(Database.Path));
        Assert.True(pruned.PrunedRows >= 4);
        var described = (await VersionHistory.DescribeAsync(pruned, moments)).Split('\n');
        var expected = VersionHistory.Expected.Split('\n');
        Assert.Equal(expected[3..], described[3..]); // from commit 3 on, every answer is as before
        Assert.Equal(expected[0], described[0]);
    }

    [Fact]
    public async Task InitializeAsync_PrunedOnceThenAgainLater_RemovesTheNextVersionsAndNeverACurrentOne()
    {
        await using (var store = await OpenAsync()) await VersionHistory.WriteAsync(store, Time, Gaps);
        Time.Advance(TimeSpan.FromDays(380));
        await (await OpenAsync()).DisposeAsync();

        await using (var again = await OpenAsync()) Assert.Equal(0, again.PrunedRows); // nothing more has ended since

        Time.Advance(TimeSpan.FromDays(1000)); // every commit is older than the cut-off now
        await using var late = await OpenAsync();

        Assert.Equal("app:alpha:5 app:beta:3 app:delta:1 app:gamma:2", VersionHistory.StoredVersions(Database.Path));
        Assert.Equal(4, (await late.QueryCisAsync(new Cmdb.Domain.Storage.CiFilter(), 10, null, null, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task InitializeAsync_AllHistoryRecent_KeepsEveryVersion()
    {
        await using (var store = await OpenAsync()) await VersionHistory.WriteAsync(store, Time, Gaps);

        await using var reopened = await OpenAsync();

        Assert.Equal(0, reopened.PrunedRows);
        Assert.Equal(11, VersionHistory.StoredVersions(Database.Path).Split(' ').Length);
    }
}
