using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.Identifiers;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A start-up load leaves an eighth of room in its per-node arrays, so the first batches that create CIs after a
/// start fill that room instead of copying every node's entry into larger arrays.
/// </summary>
public sealed class SqliteLoadRoomTests : SqliteFileTests
{
    private const int Loaded = 2000; // beyond the arrays' first size (1,024)

    [Fact]
    public async Task Open_AfterALoad_LeavesAnEighthOfRoomAndTheNextCreationsCopyNothing()
    {
        await using (var store = await OpenAsync()) await CreateAsync(store, 0, Loaded);

        await using var reopened = await OpenAsync();
        var graph = await reopened.GetGraphAsync([], CancellationToken.None);
        Assert.Equal(Loaded, graph.NodeCount);
        var nodes = graph.NodeCapacity;
        var fingerprints = reopened.FingerprintCapacity;
        Assert.InRange(nodes, Loaded + (Loaded / 8), Loaded + (Loaded / 4));
        Assert.InRange(fingerprints, Loaded + (Loaded / 8), Loaded + (Loaded / 4));

        var created = await CreateAsync(reopened, Loaded, Loaded / 8); // fills the room exactly

        Assert.Equal(nodes, graph.NodeCapacity);
        Assert.Equal(fingerprints, reopened.FingerprintCapacity);
        Assert.Equal(Loaded + (Loaded / 8), graph.NodeCount);
        Assert.All(created, id => Assert.True(graph.TryGetNode(id, out var node) && graph.CiId(node) == id));
        var found = await reopened.ResolveIdentifiersAsync([(CmdbKey, "key-0"), (CmdbKey, $"key-{Loaded + 5}")], CancellationToken.None);
        Assert.Equal(2, found.Count);
    }

    private static async Task<string[]> CreateAsync(SqliteCmdbStore store, int from, int count)
    {
        var ops = Enumerable.Range(from, count)
            .Select(i => (WriteOperation)new UpsertCi(null, Application, new CiFields { Name = $"app-{i}", Identifiers = new Dictionary<string, string> { [CmdbKey] = $"key-{i}" } }))
            .ToList();
        var result = await store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None);
        return [.. result.Results.Select(r => r.EntityId!)];
    }
}
