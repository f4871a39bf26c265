using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.Identifiers;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A bulk batch publishes its identifiers on a second thread while its nodes are added: every identifier must still
/// name the node of exactly the CI that holds it, including CIs created and changed in the same batch and an
/// identifier that moved from an older CI to a new one.
/// </summary>
public sealed class SqliteBulkPublishTests : SqliteFileTests
{
    private const int New = 1500; // above the size from which identifiers are published beside the nodes

    [Fact]
    public async Task ApplyAsync_BulkBatch_EveryIdentifierResolvesToItsHolderAndReimportIsUnchanged()
    {
        await using var store = await OpenAsync();
        var old = new Dictionary<string, string>();
        for (var i = 0; i < 10; i++) old[$"old-{i}"] = (await ApplyAsync(store, Upsert($"old-{i}")))[0].EntityId;
        var moved = await store.GetCisAsync([old["old-3"]], null, CancellationToken.None);

        var ops = new List<WriteOperation> { new UpdateCi(old["old-3"], moved[old["old-3"]].Version, Fields("old-3", "old-3-renamed")) };
        for (var i = 0; i < New; i++) ops.Add(Upsert($"new-{i}"));
        ops.Add(Upsert("new-5", name: "new-5 renamed")); // the CI created above, changed again in the same batch
        ops.Add(Upsert("old-3")); // a new CI takes the identifier old-3 gave up
        var results = await ApplyAsync(store, [.. ops]);

        var expected = new Dictionary<string, string>(old) { ["old-3"] = results[^1].EntityId, ["old-3-renamed"] = old["old-3"] };
        for (var i = 0; i < New; i++) expected[$"new-{i}"] = results[i + 1].EntityId;
        Assert.Equal(WriteOutcome.Updated, results[^2].Outcome);
        Assert.Equal(expected["new-5"], results[^2].EntityId);
        Assert.Equal(WriteOutcome.Created, results[^1].Outcome);

        var found = await store.ResolveIdentifiersAsync([.. expected.Keys.Select(k => (CmdbKey, k))], CancellationToken.None);
        Assert.All(expected, p => Assert.Equal(p.Value, found[(CmdbKey, p.Key)]));
        var graph = await store.GetGraphAsync([], CancellationToken.None);
        Assert.All(expected.Values, id => Assert.True(graph.TryGetNode(id, out var node) && graph.CiId(node) == id));

        // Unchanged upserts are decided from the map's nodes: a wrong node would write a new version or a new CI.
        var again = await ApplyAsync(store, [.. Enumerable.Range(0, New).Where(i => i != 5).Select(i => Upsert($"new-{i}"))]);
        Assert.All(again, r => Assert.Equal(WriteOutcome.Unchanged, r.Outcome));
        Assert.Equal(11 + New, graph.NodeCount);
    }

    private static UpsertCi Upsert(string key, string? name = null) => new(null, Application, Fields(name ?? key, key));

    private static CiFields Fields(string name, string key) =>
        new() { Name = name, Identifiers = new Dictionary<string, string> { [CmdbKey] = key } };

    private static async Task<IReadOnlyList<OperationResult>> ApplyAsync(SqliteCmdbStore store, params WriteOperation[] ops) =>
        (await store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None)).Results;
}
