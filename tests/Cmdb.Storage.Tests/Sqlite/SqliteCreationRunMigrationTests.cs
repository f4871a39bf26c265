using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Since V0010 the audit entries of new CIs are runs in <c>ci_created</c>. A file written before (one audit row per
/// creation) migrates and reads its history, audit window and cursors as before; runs and audit rows share one id
/// sequence.
/// </summary>
public sealed class SqliteCreationRunMigrationTests : SqliteFileTests
{
    private const int Bulk = 1_200; // pipelined (at least PipelineOperations), one run

    [Fact]
    public async Task ApplyAsync_BulkCreations_WritesOneRunAndNoAuditRows()
    {
        await using var store = await OpenAsync();
        var (_, _, bulk) = await WriteAsync(store);

        // Batch 1: one run of 3; batch 2: one creation after an update's audit id; batch 3: one run of the bulk.
        Assert.Equal($"1+3,5+1,7+{Bulk}", CreationRuns.Describe(Database.Path));
        Assert.Equal(new Dictionary<string, long> { ["audit"] = 1, ["relationship_audit"] = 1, ["ci_created"] = 3 },
            TableRows.Count(Database.Path, ["audit", "relationship_audit", "ci_created"]));
        var last = Assert.Single((await store.GetHistoryAsync(bulk[^1], 5, null, CancellationToken.None)).Items).Node;
        Assert.Equal((7L + Bulk - 1, "create"), (last.Sequence, last.Operation));
        Assert.Contains(last.Changes, c => c.Field == "name" && c.After!.GetValue<string>() == $"bulk-{Bulk - 1}");
    }

    [Fact]
    public async Task InitializeAsync_V0009File_ReadsHistoryAuditWindowAndCursorsAsBefore()
    {
        string before;
        (string A, string D, List<string> Bulk) ids;
        await using (var store = await OpenAsync())
        {
            ids = await WriteAsync(store);
            before = await DescribeAsync(store, ids);
        }

        CreationRuns.ToV0009(Database.Path);
        Assert.Equal(3 + 1 + Bulk + 1L, TableRows.Count(Database.Path, ["audit"])["audit"]);
        await using var migrated = await OpenAsync();

        Assert.Equal(before, await DescribeAsync(migrated, ids));
        Assert.Equal("", CreationRuns.Describe(Database.Path)); // the old entries stay audit rows
        Time.Advance(TimeSpan.FromMinutes(1));
        var e = (await migrated.ApplyAsync(WriteBatch.Of(App("e")), Actor.System, CancellationToken.None)).Results[0].EntityId;
        var created = Assert.Single((await migrated.GetHistoryAsync(e, 5, null, CancellationToken.None)).Items).Node;
        Assert.Equal(7L + Bulk, created.Sequence); // continues the sequence of the migrated audit rows
        Assert.Equal($"{7 + Bulk}+1", CreationRuns.Describe(Database.Path));
    }

    [Fact]
    public async Task InitializeAsync_NewFile_RecordsVersion10SoAV0009BuildRefusesIt()
    {
        await (await OpenAsync()).DisposeAsync();

        Assert.True(Cmdb.Storage.Sqlite.Migrations.Migrations.Latest >= 10);
        Assert.Equal(new Dictionary<string, long> { ["ci_created"] = 0 }, TableRows.Count(Database.Path, ["ci_created"]));
    }

    /// <summary>
    /// Batch 1: A, B, C created. Batch 2: A renamed (audit id 4), D created (5), A depends on D (6). Batch 3: the bulk.
    /// </summary>
    private async Task<(string A, string D, List<string> Bulk)> WriteAsync(SqliteCmdbStore store)
    {
        var first = await store.ApplyAsync(new WriteBatch([App("a"), App("b"), App("c")]), Actor.System, CancellationToken.None);
        var a = first.Results[0].EntityId;
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await store.ApplyAsync(new WriteBatch(
        [
            new UpdateCi(a, 1, new CiFields { Name = "a renamed" }),
            App("d"),
            new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn, CiRef.ById(a), Key("d"), null),
        ]), Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var third = await store.ApplyAsync(new WriteBatch([.. Enumerable.Range(0, Bulk).Select(i => App($"bulk-{i}"))]), Actor.System, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));
        return (a, second.Results[1].EntityId, third.Results.Select(r => r.EntityId).ToList());
    }

    private static async Task<string> DescribeAsync(SqliteCmdbStore store, (string A, string D, List<string> Bulk) ids)
    {
        var lines = new List<string>();
        foreach (var id in new[] { ids.A, ids.D, ids.Bulk[0], ids.Bulk[^1] })
        {
            var page = await store.GetHistoryAsync(id, 10, null, CancellationToken.None);
            lines.Add($"history {id} ({page.TotalCount}): " + string.Join(';', page.Items.Select(i => Entry(i.Node) + " @" + i.Cursor)));
        }

        // Page by page through A's history: the cursors of the migrated rows must continue the same way.
        string? after = null;
        do
        {
            var page = await store.GetHistoryAsync(ids.A, 1, after, CancellationToken.None);
            lines.Add("page " + string.Join(';', page.Items.Select(i => Entry(i.Node))) + $" next={page.HasNextPage}");
            after = page.HasNextPage ? page.Items[^1].Cursor : null;
        }
        while (after is not null);

        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        string[] asked = [ids.A, ids.D, ids.Bulk[0], ids.Bulk[7], ids.Bulk[^1]];
        foreach (var (from, to) in new[] { (start, start.AddHours(1)), (start.AddMinutes(1), start.AddMinutes(1)), (start.AddMinutes(2), start.AddHours(1)) })
        {
            var window = await store.GetAuditAsync(asked, from, to, 100, CancellationToken.None);
            lines.Add($"window {from:HH:mm}-{to:HH:mm}: " + string.Join(';', window.Select(w => $"{w.CiId}/{w.OtherCiId} {Entry(w.Entry)}")));
        }

        return string.Join('\n', lines);
    }

    private static string Entry(Cmdb.Domain.History.AuditEntry e) =>
        $"{e.Sequence} {e.At:HH:mm} {e.Actor} {e.Operation} {e.EntityKind} {e.EntityId} " +
        string.Join(',', e.Changes.Select(c => $"{c.Field}={c.Before?.ToJsonString()}>{c.After?.ToJsonString()}"));

    private static CiRef Key(string key) => CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, key);

    private static UpsertCi App(string key) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = key,
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });
}
