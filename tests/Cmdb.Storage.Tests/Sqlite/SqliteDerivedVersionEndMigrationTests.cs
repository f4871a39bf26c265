using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A file written before V0013 (every superseded version's end stored in <c>valid_to_seq</c>, indexed by
/// <c>ci_version_ended</c>) migrates by dropping that index alone and answers every as-of read as before; the stored
/// ends are left in place and no reader uses them.
/// </summary>
public sealed class SqliteDerivedVersionEndMigrationTests : SqliteFileTests
{
    private static readonly TimeSpan[] Minutes = [.. Enumerable.Repeat(TimeSpan.FromMinutes(1), 5)];

    [Fact]
    public async Task InitializeAsync_V0012FileWithHistory_AnswersAsOfReadsAsBefore()
    {
        DateTimeOffset[] moments;
        await using (var store = await OpenAsync()) moments = await VersionHistory.WriteAsync(store, Time, Minutes);
        DowngradeToV0012();
        Assert.Equal(7L, Scalar("SELECT count(*) FROM ci_version WHERE valid_to_seq IS NOT NULL")); // as a V0012 build wrote them

        await using var migrated = await OpenAsync();

        Assert.Equal(Cmdb.Storage.Sqlite.Migrations.Migrations.Latest - 12, migrated.AppliedMigrations); // step 13 and any later
        Assert.Equal((long)Cmdb.Storage.Sqlite.Migrations.Migrations.Latest, Scalar("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'ci_version_ended'"));
        Assert.Equal(7L, Scalar("SELECT count(*) FROM ci_version WHERE valid_to_seq IS NOT NULL")); // no backfill, no rewrite
        Assert.True(migrated.StartupDigestsFromScan);
        Assert.Equal(VersionHistory.Expected, await VersionHistory.DescribeAsync(migrated, moments));
    }

    [Fact]
    public async Task InitializeAsync_MigratedFileWithWrongStoredEnds_NoReaderUsesThem()
    {
        DateTimeOffset[] moments;
        await using (var store = await OpenAsync()) moments = await VersionHistory.WriteAsync(store, Time, Minutes);
        DowngradeToV0012();
        await (await OpenAsync()).DisposeAsync();
        // Every stored end made wrong: open ones closed at commit 1, closed ones opened again.
        Scalar("UPDATE ci_version SET valid_to_seq = CASE WHEN valid_to_seq IS NULL THEN 1 END");

        await using (var reopened = await OpenAsync())
        {
            Assert.True(reopened.StartupDigestsFromScan);
            Assert.Equal(VersionHistory.Expected, await VersionHistory.DescribeAsync(reopened, moments));
        }

        Time.Advance(TimeSpan.FromDays(500)); // a prune by the stored column would now remove the current versions
        await using var late = await OpenAsync();

        Assert.Equal("app:alpha:5 app:beta:3 app:delta:1 app:gamma:2", VersionHistory.StoredVersions(Database.Path));
    }

    [Fact]
    public async Task ApplyAsync_AfterMigration_UpdatesAFileWithStoredEndsAndReadsBothKinds()
    {
        DateTimeOffset[] moments;
        await using (var store = await OpenAsync()) moments = await VersionHistory.WriteAsync(store, Time, Minutes);
        DowngradeToV0012();
        await using var migrated = await OpenAsync();

        var delta = await migrated.FindByIdentifierAsync(Cmdb.Domain.Model.WellKnown.Identifiers.CmdbKey, "app:delta", null, CancellationToken.None);
        await migrated.ApplyAsync(Cmdb.Domain.Storage.WriteBatch.Of(new Cmdb.Domain.Storage.UpdateCi(delta!.Id, 1, new Cmdb.Domain.Items.CiFields { Name = "delta v2" })),
            Cmdb.Domain.Items.Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        // Delta's version 1 was open in the old file and is superseded now without an end written: both read by succession.
        Assert.Equal(VersionHistory.Expected, await VersionHistory.DescribeAsync(migrated, moments));
        var now = (await migrated.GetCisAsync([delta.Id], Time.GetUtcNow(), CancellationToken.None))[delta.Id];
        Assert.Equal(("delta v2", 2L), (now.Name, now.Version));
    }

    /// <summary>
    /// What a V0012 build writes for the same history: each superseded version's end stored (its successor's start) and
    /// indexed by <c>ci_version_ended</c>, and no record of step 13. The older migration tests start their way back here.
    /// </summary>
    internal const string ToV0012Sql = SqliteCurrentVersionMigrationTests.ToV0013Sql + """
        UPDATE ci_version SET valid_to_seq = (SELECT n.valid_from_seq FROM ci_version n
                                              WHERE n.ci_id = ci_version.ci_id AND n.version = ci_version.version + 1);
        CREATE INDEX ci_version_ended ON ci_version (valid_to_seq) WHERE valid_to_seq IS NOT NULL;
        DELETE FROM schema_migrations WHERE version = 13;
        """;

    private void DowngradeToV0012()
    {
        SqliteConnection.ClearAllPools();
        Scalar(ToV0012Sql);
        Assert.Equal(12L, Scalar("SELECT max(version) FROM schema_migrations"));
    }
}
