using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A file written before V0008 (relationship audit rows in <c>audit</c> with their CI columns, indexes by CI id on
/// <c>relationship</c>) migrates, reads its relationships and history as before, and continues one audit sequence.
/// </summary>
public sealed class SqliteRelationshipAuditMigrationTests : SqliteFileTests, IDisposable
{
    private readonly TempDatabase _cis = new();

    [Fact]
    public async Task InitializeAsync_V0006File_ReadsRelationshipsAndHistoryAsBefore()
    {
        var (a, b) = await WriteV0006FileAsync();
        await using var store = await OpenAsync();

        var now = await store.GetRelationshipsAsync([a], Direction.Both, null, null, CancellationToken.None);
        Assert.Equal(["1"], now[a].Select(r => r.Id));
        var beforeRemoval = await store.GetRelationshipsAsync([a], Direction.Incoming, null, Time.GetUtcNow().AddMinutes(-2), CancellationToken.None);
        Assert.Equal(["2"], beforeRemoval[a].Select(r => r.Id));
        Assert.Equal("{\"weight\":3}", beforeRemoval[a][0].Attributes.ToJsonString());

        var history = await store.GetHistoryAsync(a, 10, null, CancellationToken.None);
        Assert.Equal(4, history.TotalCount);
        Assert.Equal(
        [
            $"5 unrelate relationship 2 type=\"DEPENDS_ON\">null source=\"{b}\">null target=\"{a}\">null attributes={{\"weight\":3}}>null",
            $"4 relate relationship 2 type=null>\"DEPENDS_ON\" source=null>\"{b}\" target=null>\"{a}\" attributes=null>{{\"weight\":3}}",
            $"3 relate relationship 1 type=null>\"DEPENDS_ON\" source=null>\"{a}\" target=null>\"{b}\"",
            $"1 create ci {a} name=null>\"key-a\"",
        ],
        history.Items.Select(i => Describe(i.Node)));
    }

    [Fact]
    public async Task ApplyAsync_AfterMigration_ContinuesOneAuditSequenceAcrossOldAndNewEntries()
    {
        var (a, b) = await WriteV0006FileAsync();
        await using var store = await OpenAsync();
        var relate = new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn, new CiRef(b, null, null), new CiRef(a, null, null), null);
        var created = await store.ApplyAsync(WriteBatch.Of(relate), Actor.System, CancellationToken.None);
        var key = created.Results[0].EntityId;

        var history = await store.GetHistoryAsync(b, 2, null, CancellationToken.None);
        Assert.Equal(5, history.TotalCount);
        Assert.Equal(
            [$"6 relate relationship {key} type=null>\"DEPENDS_ON\" source=null>\"{b}\" target=null>\"{a}\"", "5 unrelate relationship 2"],
            history.Items.Select(i => Describe(i.Node)).Select((d, n) => n == 1 ? string.Join(' ', d.Split(' ').Take(4)) : d));
        var next = await store.GetHistoryAsync(b, 10, history.Items[^1].Cursor, CancellationToken.None);
        Assert.Equal([4L, 3L, 2L], next.Items.Select(i => i.Node.Sequence));

        var window = await store.GetAuditAsync([a], Time.GetUtcNow().AddMinutes(-10), Time.GetUtcNow(), 10, CancellationToken.None);
        Assert.Equal([6L, 5L, 4L, 3L, 1L], window.Select(w => w.Entry.Sequence));
        Assert.All(window, w => Assert.Equal(a, w.CiId));
    }

    void IDisposable.Dispose()
    {
        _cis.Dispose();
        Dispose();
    }

    private static string Describe(AuditEntry e) =>
        $"{e.Sequence} {e.Operation} {e.EntityKind} {e.EntityId} " +
        string.Join(' ', e.Changes.Select(c => $"{c.Field}={c.Before?.ToJsonString() ?? "null"}>{c.After?.ToJsonString() ?? "null"}"));

    /// <summary>
    /// The test's file as a V0006 build left it: schema steps 1–6, two CIs (rows copied from a store of this build, in
    /// V0001's columns), relationship 1 (a → b) and relationship 2 (b → a, with attributes, removed at commit 3), and
    /// audit rows as V0006 wrote them (a compact relate, full arrays otherwise; ids 1–5).
    /// </summary>
    private async Task<(string A, string B)> WriteV0006FileAsync()
    {
        string a, b;
        await using (var source = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = _cis.Path }, Model, Time))
        {
            await source.InitializeAsync(CancellationToken.None);
            var created = await source.ApplyAsync(new WriteBatch([Ci("key-a"), Ci("key-b")]), Actor.System, CancellationToken.None);
            (a, b) = (created.Results[0].EntityId, created.Results[1].EntityId);
        }

        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(Database.Path)!);
        using var c = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        c.Open();
        foreach (var m in Cmdb.Storage.Sqlite.Migrations.Migrations.All.Where(m => m.Version <= 6)) Execute(c, m.Sql);
        Execute(c, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        Execute(c, "INSERT INTO schema_migrations SELECT value, 'step', '2026-01-01' FROM json_each('[1,2,3,4,5,6]')");
        Execute(c, $"ATTACH DATABASE '{_cis.Path}' AS src");
        Execute(c, """
            INSERT INTO ci (rid, id, class, name, status, environment, criticality, owner, support_group, version)
                SELECT rid, id, class, name, status, environment, criticality, owner, support_group, version FROM src.ci;
            INSERT INTO ci_version (ci_id, version, valid_from_seq, valid_to_seq, doc)
                SELECT ci_id, version, valid_from_seq, valid_to_seq, doc FROM src.ci_version;
            INSERT INTO identifier (scheme, value, ci_id, valid_from_seq, valid_to_seq)
                SELECT scheme, value, ci_id, valid_from_seq, NULL FROM src.identifier_current;
            INSERT INTO txn (seq, at, actor) SELECT seq, at, actor FROM src.txn;
            """);
        Execute(c, "DETACH DATABASE src");
        var at = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var by = Actor.System.Describe();
        Execute(c, $"""
            INSERT INTO txn (seq, at, actor) VALUES (2, {at + 60_000}, '{by}'), (3, {at + 120_000}, '{by}');
            INSERT INTO relationship (id, type, source_id, target_id, attributes, valid_from_seq, valid_to_seq, created_by, attributes_from_seq)
            VALUES (1, 'DEPENDS_ON', '{a}', '{b}', '{"{}"}', 2, NULL, '{by}', 2),
                   (2, 'DEPENDS_ON', '{b}', '{a}', '{"{\"weight\":3}"}', 2, 3, '{by}', 2);
            INSERT INTO audit (id, seq, operation, entity_kind, entity_id, ci_a, ci_b, changes) VALUES
                (1, 1, 'create', 'ci', '{a}', '{a}', NULL, '[{"{"}"field":"name","before":null,"after":"key-a"{"}"}]'),
                (2, 1, 'create', 'ci', '{b}', '{b}', NULL, '[{"{"}"field":"name","before":null,"after":"key-b"{"}"}]'),
                (3, 2, 'relate', 'relationship', '1', '{a}', '{b}', '"DEPENDS_ON"'),
                (4, 2, 'relate', 'relationship', '2', '{b}', '{a}', '{Changes(null, "DEPENDS_ON", b, a, "{\"weight\":3}")}'),
                (5, 3, 'unrelate', 'relationship', '2', '{b}', '{a}', '{Changes("DEPENDS_ON", null, b, a, "{\"weight\":3}")}');
            """);
        Time.Advance(TimeSpan.FromMinutes(3));
        return (a, b);
    }

    /// <summary>A relationship's creation (<paramref name="before"/> null) or removal as V0006 wrote it.</summary>
    private static string Changes(string? before, string? after, string source, string target, string attributes)
    {
        string Value(string? text) => text is null ? "null" : $"\"{text}\"";
        string Pair(string field, string? value) =>
            before is null ? $"{{\"field\":\"{field}\",\"before\":null,\"after\":{value}}}" : $"{{\"field\":\"{field}\",\"before\":{value},\"after\":null}}";
        return "[" + string.Join(',',
            Pair("type", Value(before ?? after)), Pair("source", Value(source)), Pair("target", Value(target)), Pair("attributes", attributes)) + "]";
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static UpsertCi Ci(string key) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = key,
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });
}
