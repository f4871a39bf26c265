using System.Text.Json.Nodes;
using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A new relationship without attributes stores no changes in its audit row (type, source and target are the
/// relationship row's, V0008); history and the audit window still show the three changes, as for a relationship with
/// attributes.
/// </summary>
public sealed class SqliteRelateAuditTests : SqliteFileTests
{
    [Fact]
    public async Task GetHistoryAsync_RelateWithoutAttributes_ShowsTypeSourceAndTargetFromTheCompactRow()
    {
        await using var store = await OpenAsync();
        var (a, b) = await TwoCisAsync(store);
        await store.ApplyAsync(WriteBatch.Of(Relate(null)), Actor.System, CancellationToken.None);

        var history = await store.GetHistoryAsync(a, 10, null, CancellationToken.None);
        var relate = Assert.Single(history.Items, i => i.Node.Operation == "relate").Node;

        Assert.Equal(
            ["type=\"DEPENDS_ON\"", $"source=\"{a}\"", $"target=\"{b}\""],
            Describe(relate.Changes));
        Assert.All(relate.Changes, c => Assert.Null(c.Before));
        Assert.Null(StoredChanges(relate.Sequence)); // nothing stored: type, source and target are the relationship row's
        var window = await store.GetAuditAsync([b], Time.GetUtcNow().AddHours(-1), Time.GetUtcNow(), 10, CancellationToken.None);
        Assert.Equal(Describe(relate.Changes), Describe(Assert.Single(window, w => w.Entry.Operation == "relate").Entry.Changes));
    }

    [Fact]
    public async Task GetHistoryAsync_RelateWithAttributes_KeepsTheFullChangeList()
    {
        await using var store = await OpenAsync();
        var (a, b) = await TwoCisAsync(store);
        await store.ApplyAsync(WriteBatch.Of(Relate(new JsonObject { ["weight"] = 3 })), Actor.System, CancellationToken.None);

        var relate = Assert.Single((await store.GetHistoryAsync(b, 10, null, CancellationToken.None)).Items, i => i.Node.Operation == "relate").Node;

        Assert.Equal(
            ["type=\"DEPENDS_ON\"", $"source=\"{a}\"", $"target=\"{b}\"", "attributes={\"weight\":3}"],
            Describe(relate.Changes));
        Assert.StartsWith("[", StoredChanges(relate.Sequence), StringComparison.Ordinal);
    }

    private static async Task<(string A, string B)> TwoCisAsync(SqliteCmdbStore store)
    {
        var created = await store.ApplyAsync(new WriteBatch([Ci("key-a"), Ci("key-b")]), Actor.System, CancellationToken.None);
        return (created.Results[0].EntityId, created.Results[1].EntityId);
    }

    private static UpsertCi Ci(string key) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = key,
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });

    private static UpsertRelationship Relate(JsonObject? attributes) => new(
        WellKnown.RelationshipTypes.DependsOn, new CiRef(null, WellKnown.Identifiers.CmdbKey, "key-a"),
        new CiRef(null, WellKnown.Identifiers.CmdbKey, "key-b"), attributes);

    private static List<string> Describe(IEnumerable<FieldChange> changes) =>
        [.. changes.Select(c => $"{c.Field}={c.After?.ToJsonString()}")];

    private string? StoredChanges(long auditId)
    {
        using var connection = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT changes FROM relationship_audit WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", auditId);
        return cmd.ExecuteScalar() as string;
    }
}
