using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A file written before V0009 (current and ended identifiers in one <c>identifier</c> table with a partial unique
/// index) migrates to <c>identifier_current</c> and reads its identifiers, search and history as before.
/// </summary>
public sealed class SqliteCurrentIdentifierMigrationTests : SqliteFileTests
{
    [Fact]
    public async Task InitializeAsync_V0008File_ReadsIdentifiersSearchAndHistoryAsBefore()
    {
        string before;
        DateTimeOffset first;
        await using (var store = await OpenAsync())
        {
            first = await WriteMovesAsync(store);
            before = await DescribeAsync(store, first);
        }

        Assert.Matches(@"key-b now=: then=\w{26}:1", before); // ended identifiers answer as-of reads
        Assert.Matches(@"key-a now=(\w{26}):2 then=(?!\1)\w{26}:1", before);
        DowngradeToV0008();
        await using var migrated = await OpenAsync();

        Assert.Equal(before, await DescribeAsync(migrated, first));
        Assert.Equal((long)Cmdb.Storage.Sqlite.Migrations.Migrations.Latest, Scalar("SELECT max(version) FROM schema_migrations"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM identifier WHERE valid_to_seq IS NULL"));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM identifier"));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM identifier_current"));
    }

    [Fact]
    public async Task ApplyAsync_AfterMigration_MovesAndCreatesIdentifiers()
    {
        await using (var store = await OpenAsync()) await WriteMovesAsync(store);
        DowngradeToV0008();
        await using var migrated = await OpenAsync();

        var c = await migrated.ApplyAsync(WriteBatch.Of(Ci("key-b")), Actor.System, CancellationToken.None);
        var taken = await migrated.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, "key-b", null, CancellationToken.None);

        Assert.Equal(WriteOutcome.Created, c.Results[0].Outcome);
        Assert.Equal(c.Results[0].EntityId, taken?.Id);
        Assert.Equal(3L, Scalar("SELECT count(*) FROM identifier_current"));
    }

    [Fact]
    public async Task InitializeAsync_NewFile_RecordsVersion9SoAV0008BuildRefusesIt()
    {
        await (await OpenAsync()).DisposeAsync();

        // An older build refuses a file whose recorded version is newer than its own latest step.
        Assert.True(Cmdb.Storage.Sqlite.Migrations.Migrations.Latest >= 9);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM schema_migrations WHERE version = 9"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'identifier_current'"));
    }

    /// <summary>A and B created; A's key changes (its old key ends); B takes A's old key (B's own key ends).</summary>
    private async Task<DateTimeOffset> WriteMovesAsync(SqliteCmdbStore store)
    {
        var created = await store.ApplyAsync(new WriteBatch([Ci("key-a"), Ci("key-b")]), Actor.System, CancellationToken.None);
        var (a, b) = (created.Results[0].EntityId, created.Results[1].EntityId);
        var first = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.ApplyAsync(WriteBatch.Of(Rekey(a, "key-a2")), Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.ApplyAsync(WriteBatch.Of(Rekey(b, "key-a")), Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        return first;
    }

    private static async Task<string> DescribeAsync(SqliteCmdbStore store, DateTimeOffset first)
    {
        var lines = new List<string>();
        foreach (var key in new[] { "key-a", "key-a2", "key-b" })
        {
            var now = await store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, key, null, CancellationToken.None);
            var then = await store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, key, first, CancellationToken.None);
            lines.Add($"{key} now={now?.Id}:{now?.Version} then={then?.Id}:{then?.Version}");
        }

        var resolved = await store.ResolveIdentifiersAsync(
            [(WellKnown.Identifiers.CmdbKey, "key-a"), (WellKnown.Identifiers.CmdbKey, "key-a2"), (WellKnown.Identifiers.CmdbKey, "key-b")],
            CancellationToken.None);
        lines.AddRange(resolved.OrderBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => $"resolved {p.Key.Value}={p.Value}"));
        foreach (var text in new[] { "key", "a2" })
        {
            var hits = await store.SearchAsync(text, 10, CancellationToken.None);
            lines.Add($"search {text}: " + string.Join(',', hits.Select(h => h.Ci.Id).Order(StringComparer.Ordinal)));
        }

        foreach (var id in new[] { "key-a2", "key-a" })
        {
            var ci = await store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, id, null, CancellationToken.None);
            var history = await store.GetHistoryAsync(ci!.Id, 10, null, CancellationToken.None);
            lines.Add($"history {ci.Id}: " + string.Join(';', history.Items.Select(i =>
                $"{i.Node.Sequence} {i.Node.Operation} " + string.Join(',', i.Node.Changes.Select(ch => $"{ch.Field}={ch.Before?.ToJsonString()}>{ch.After?.ToJsonString()}")))));
        }

        Assert.Equal(9, lines.Count); // 3 finds, 2 held identifiers (key-b is held by nobody now), 2 searches, 2 histories
        return string.Join('\n', lines);
    }

    /// <summary>Turns this build's file back into what a V0008 build writes: every identifier row in one table.</summary>
    private void DowngradeToV0008()
    {
        CreationRuns.ToV0009(Database.Path);
        SqliteConnection.ClearAllPools();
        Scalar("""
            INSERT INTO identifier (scheme, value, ci_id, valid_from_seq, valid_to_seq)
                SELECT scheme, value, ci_id, valid_from_seq, NULL FROM identifier_current;
            DROP TABLE identifier_current;
            CREATE UNIQUE INDEX identifier_current ON identifier (scheme, value) WHERE valid_to_seq IS NULL;
            DELETE FROM schema_migrations WHERE version = 9;
            """);
        Assert.Equal(4L, Scalar("SELECT count(*) FROM identifier"));
    }

    private static UpsertCi Ci(string key) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = key,
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });

    private static UpdateCi Rekey(string id, string key) => new(id, 1, new CiFields
    {
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });
}
