using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Since V0007 a creation's audit row stores only the marker; history and the audit window show the same changes as
/// the array older builds stored, and such an array row (an older file) still reads the same way.
/// </summary>
public sealed class SqliteCreationAuditTests : SqliteFileTests
{
    [Fact]
    public async Task GetHistoryAsync_NewCi_StoresTheMarkerAndShowsEveryFieldSet()
    {
        await using var store = await OpenAsync();
        var fields = Fields();
        var id = (await store.ApplyAsync(WriteBatch.Of(new UpsertCi(null, "Database", fields)), Actor.System, CancellationToken.None)).Results[0].EntityId;
        var expected = CiMerge.Apply(Model, Model.GetClass("Database"), null, id, fields, Actor.System, Time.GetUtcNow(), null).Changes;

        var created = Assert.Single((await store.GetHistoryAsync(id, 10, null, CancellationToken.None)).Items).Node;

        Assert.Equal(("create", "ci", id), (created.Operation, created.EntityKind, created.EntityId));
        Assert.Equal(CreationAuditTests.Describe(expected), CreationAuditTests.Describe(created.Changes));
        Assert.Equal(CreationRuns.Describe(Database.Path), $"{created.Sequence}+1"); // a run (V0010), no audit row
        Assert.Null(StoredChanges(created.Sequence));
        var window = await store.GetAuditAsync([id], Time.GetUtcNow().AddHours(-1), Time.GetUtcNow(), 10, CancellationToken.None);
        Assert.Equal(CreationAuditTests.Describe(expected), CreationAuditTests.Describe(Assert.Single(window).Entry.Changes));
    }

    [Fact]
    public async Task GetHistoryAsync_CreatedThenUpdatedInOneBatch_ExpandsFromVersionOneNotTheCurrentVersion()
    {
        await using var store = await OpenAsync();
        var key = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = "shop" };
        var result = await store.ApplyAsync(new WriteBatch(
        [
            new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = "shop", Identifiers = key }),
            new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = "shop v2", Owner = "ann", Identifiers = key }),
        ]), Actor.System, CancellationToken.None);
        var id = result.Results[0].EntityId;

        var history = (await store.GetHistoryAsync(id, 10, null, CancellationToken.None)).Items.Select(i => i.Node).ToList();

        Assert.Equal(["update", "create"], history.Select(e => e.Operation));
        Assert.Equal(["class: null -> \"Application\"", "name: null -> \"shop\"", "identifiers.cmdb.key: null -> \"shop\""],
            CreationAuditTests.Describe(history[1].Changes));
        Assert.Equal(["name: \"shop\" -> \"shop v2\"", "owner: null -> \"ann\""], CreationAuditTests.Describe(history[0].Changes));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public async Task ApplyAsync_CiCreatedThenChangedTwiceInOneBatch_ReadsItBackFromTheTransaction(int pipelineFrom)
    {
        await using var store = await OpenAsync();
        store.PipelineOperations = pipelineFrom; // 1: every statement on the second thread, read back after a drain
        var key = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = "shop" };
        var operations = new List<WriteOperation> { new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = "shop", Identifiers = key }) };
        for (var i = 0; i < 50; i++)
            operations.Add(new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = $"other {i}", Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"o{i}" } }));
        operations.Add(new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Owner = "ann", Identifiers = key }));
        operations.Add(new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Attributes = new JsonObject { ["tier"] = 1 }, Identifiers = key }));

        var result = await store.ApplyAsync(new WriteBatch(operations), Actor.System, CancellationToken.None);

        var id = result.Results[0].EntityId;
        Assert.Equal([id, id], result.Results.Skip(51).Select(r => r.EntityId));
        Assert.Equal([WriteOutcome.Updated, WriteOutcome.Updated], result.Results.Skip(51).Select(r => r.Outcome));
        var ci = (await store.GetCisAsync([id], null, CancellationToken.None))[id];
        Assert.Equal(("shop", "ann", 3L, "1"), (ci.Name, ci.Owner, ci.Version, ci.Attributes["tier"]!.ToJsonString()));
        var history = (await store.GetHistoryAsync(id, 10, null, CancellationToken.None)).Items.Select(i => i.Node).ToList();
        Assert.Equal(["update", "update", "create"], history.Select(e => e.Operation));
        Assert.Equal(["class: null -> \"Application\"", "name: null -> \"shop\"", "identifiers.cmdb.key: null -> \"shop\""],
            CreationAuditTests.Describe(history[2].Changes));
    }

    [Fact]
    public async Task GetHistoryAsync_ArrayRowOfAnOlderBuild_ReadsTheSameAsTheMarker()
    {
        await using var store = await OpenAsync();
        var fields = Fields();
        var id = (await store.ApplyAsync(WriteBatch.Of(new UpsertCi(null, "Database", fields)), Actor.System, CancellationToken.None)).Results[0].EntityId;
        var fromMarker = Assert.Single((await store.GetHistoryAsync(id, 10, null, CancellationToken.None)).Items).Node;
        var changes = CiMerge.Apply(Model, Model.GetClass("Database"), null, id, fields, Actor.System, Time.GetUtcNow(), null).Changes;
        var buffer = new ArrayBufferWriter<byte>();
        CreationRuns.ToAuditRows(Database.Path); // the layout before V0010: the creation is an audit row with the marker
        Assert.Equal(CreationAudit.Marker, StoredChanges(fromMarker.Sequence));
        using (var w = new Utf8JsonWriter(buffer)) SetStoredChanges(fromMarker.Sequence, Encoding.UTF8.GetString(AuditJson.Write(changes, w, buffer).Span));

        var fromArray = Assert.Single((await store.GetHistoryAsync(id, 10, null, CancellationToken.None)).Items).Node;

        Assert.StartsWith("[", StoredChanges(fromMarker.Sequence), StringComparison.Ordinal);
        Assert.Equal(CreationAuditTests.Describe(fromMarker.Changes), CreationAuditTests.Describe(fromArray.Changes));
        Assert.Equal(fromMarker with { Changes = [] }, fromArray with { Changes = [] });
    }

    [Fact]
    public async Task InitializeAsync_NewFile_RecordsTheCompactCreationStep()
    {
        await (await OpenAsync()).DisposeAsync();

        using var connection = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM schema_migrations WHERE version = 7";
        // An older build (latest step 6) refuses a file that has this step, rather than misreading "1" as changes.
        Assert.Equal("compact audit entries for new CIs", cmd.ExecuteScalar());
    }

    private static CiFields Fields() => new()
    {
        Name = "orders db",
        Environment = "prod",
        Criticality = 1,
        Tags = ["pci", "db"],
        Attributes = new JsonObject { ["engine"] = "postgres", ["port"] = 5432, ["replicas"] = new JsonArray("a", "b") },
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = "db:orders", [WellKnown.Identifiers.Fqdn] = "orders.db" },
    };

    private string? StoredChanges(long auditId)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT changes FROM audit WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", auditId);
        return (string?)cmd.ExecuteScalar();
    }

    private void SetStoredChanges(long auditId, string changes)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE audit SET changes = $changes WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", auditId);
        cmd.Parameters.AddWithValue("$changes", changes);
        cmd.ExecuteNonQuery();
    }
}
