using Cmdb.Domain.Model;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

public sealed class SqliteSchemaTests : SqliteFileTests
{

    [Fact]
    public async Task InitializeAsync_NewFile_CreatesFolderWalAndEveryMigration()
    {
        await using var store = await OpenAsync();

        Assert.Equal(Cmdb.Storage.Sqlite.Migrations.Migrations.All.Count, store.AppliedMigrations);
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
        Assert.Equal((long)Cmdb.Storage.Sqlite.Migrations.Migrations.All.Count, Scalar("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task InitializeAsync_SecondOpen_AppliesNothingAgain()
    {
        await (await OpenAsync()).DisposeAsync();
        var appliedAt = Scalar("SELECT group_concat(applied_at) FROM schema_migrations");
        Time.Advance(TimeSpan.FromHours(1));

        await using var second = await OpenAsync();

        Assert.Equal(0, second.AppliedMigrations);
        Assert.Equal(appliedAt, Scalar("SELECT group_concat(applied_at) FROM schema_migrations"));
    }

    [Fact]
    public async Task InitializeAsync_FutureSchemaVersion_RefusedWithClearError()
    {
        await (await OpenAsync()).DisposeAsync();
        Scalar("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 'x')");

        var store = NewStore();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(CancellationToken.None));
        store.Dispose();

        Assert.Contains("999", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer Cmdb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_IdentifierIndex_RefusesTwoCurrentHoldersOfOneValue()
    {
        await (await OpenAsync()).DisposeAsync();
        const string Ci = "INSERT INTO ci (id, class, name, status, version) VALUES ('{0}', 'Application', 'n', 'active', 1);";
        Scalar(string.Format(System.Globalization.CultureInfo.InvariantCulture, Ci, "A") + string.Format(System.Globalization.CultureInfo.InvariantCulture, Ci, "B"));
        Scalar("INSERT INTO identifier_current (scheme, value, ci_id, valid_from_seq) VALUES ('fqdn', 'x', 'A', 1)");

        var e = Assert.Throws<SqliteException>(() => Scalar("INSERT INTO identifier_current (scheme, value, ci_id, valid_from_seq) VALUES ('fqdn', 'x', 'B', 1)"));

        Assert.Equal(19, e.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Fact]
    public async Task ApplyAsync_AfterDispose_ObjectDisposed()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();
        await store.DisposeAsync(); // twice is harmless

        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            store.ApplyAsync(Domain.Storage.WriteBatch.Of(), Domain.Items.Actor.System, CancellationToken.None));
    }
}
