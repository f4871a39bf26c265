using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Start-up reads relationships in id ranges on two connections at once, each writing its rows where they belong in
/// the final arrays, and closes the gaps that missing ids leave. The index must hold exactly the edges, in id order,
/// that the running store built one write at a time, or that one plain scan of the table reads.
/// </summary>
public sealed class SqliteStartupParallelEdgeTests : SqliteFileTests
{
    [Fact]
    public async Task InitializeAsync_ManyRanges_EdgesEqualTheRunningStoresInIdOrder()
    {
        List<Edge> running;
        await using (var store = await OpenAsync())
        {
            await BuildAsync(store);
            running = Edges(await store.GetGraphAsync([], CancellationToken.None));
        }

        await using var reopened = await OpenAsync();
        var graph = await reopened.GetGraphAsync([], CancellationToken.None);
        Assert.True(running.Count > 16 * 8, "enough relationships for several id ranges");
        Assert.Equal(running, Edges(graph));
        Assert.Equal(0, graph.OverlayEntries);
    }

    [Fact]
    public async Task InitializeAsync_IdsWithGapsAndAnEmptyRange_EdgesEqualAPlainScanOfTheTable()
    {
        await using (var store = await OpenAsync()) await BuildAsync(store);
        using (var file = new SqliteConnection($"Data Source={Database.Path};Pooling=False"))
        {
            file.Open();
            using var delete = file.CreateCommand();
            delete.CommandText = "DELETE FROM relationship_attributes; DELETE FROM relationship WHERE id % 5 = 0 OR id BETWEEN 40 AND 90";
            Assert.True(delete.ExecuteNonQuery() > 50);
        }

        await using var reopened = await OpenAsync();
        var graph = await reopened.GetGraphAsync([], CancellationToken.None);
        var expected = Scan(graph);
        Assert.DoesNotContain(expected, e => e.Key % 5 == 0 || e.Key is >= 40 and <= 90);
        Assert.Equal(expected, Edges(graph));

        // Later writes land after the loaded edges and survive the next restart.
        var ids = Enumerable.Range(0, graph.NodeCount).Select(graph.CiId).ToList();
        await reopened.ApplyAsync(WriteBatch.Of(new UpsertRelationship(DependsOn, CiRef.ById(ids[0]), CiRef.ById(ids[^1]), null)), Actor.System, CancellationToken.None);
        Assert.Equal(expected.Count + 1, graph.EdgeCount);
        Assert.True(graph.Key(graph.EdgeCount - 1) > expected[^1].Key);
    }

    [Theory]
    [InlineData("type = 'NOT_A_TYPE'", "is of type 'NOT_A_TYPE', which the loaded model does not declare")]
    [InlineData("target_id = '01ARZ3NDEKTSV4RRFFQ69G5FAV'", "names CI 01ARZ3NDEKTSV4RRFFQ69G5FAV, which the file does not hold")]
    [InlineData("source_id = 'not-a-ulid'", "names CI not-a-ulid, which the file does not hold")]
    public async Task InitializeAsync_ARelationshipRowTheModelOrFileCannotResolve_FailsWithTheRowsKeyAndFreesTheFile(string damage, string expected)
    {
        await using (var store = await OpenAsync()) await BuildAsync(store);
        long broken;
        using (var file = new SqliteConnection($"Data Source={Database.Path};Pooling=False;Foreign Keys=False")) // damage on purpose
        {
            file.Open();
            using var update = file.CreateCommand();
            update.CommandText = $"UPDATE relationship SET {damage} WHERE id = (SELECT max(id) - 3 FROM relationship) RETURNING id";
            broken = (long)update.ExecuteScalar()!;
        }

        var store2 = NewStore();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store2.InitializeAsync(CancellationToken.None));
        Assert.Contains($"Relationship {broken} ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        await store2.DisposeAsync();

        using (var file = new SqliteConnection($"Data Source={Database.Path};Pooling=False"))
        {
            file.Open();
            using var repair = file.CreateCommand();
            repair.CommandText = "DELETE FROM relationship WHERE id = $id";
            repair.Parameters.AddWithValue("$id", broken);
            repair.ExecuteNonQuery();
        }

        await using var reopened = await OpenAsync(); // nothing was left holding the file
        Assert.True((await reopened.GetGraphAsync([], CancellationToken.None)).EdgeCount > 0);
    }

    /// <summary>Forty applications and a dense web of dependencies over many commits, some removed again.</summary>
    private static async Task BuildAsync(SqliteCmdbStore store)
    {
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var fields = new CiFields { Name = $"app-{i}", Identifiers = new Dictionary<string, string> { [Cmdb.Domain.Model.WellKnown.Identifiers.CmdbKey] = $"app-{i}" } };
            ids.Add((await ApplyAsync(store, new UpsertCi(null, Application, fields))).Results[0].EntityId);
        }

        var added = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            var ops = new List<WriteOperation>();
            for (var i = 0; i < 40; i++) ops.Add(new UpsertRelationship(DependsOn, CiRef.ById(ids[i]), CiRef.ById(ids[(i + round + 1) % 40]), null));
            added.AddRange((await ApplyAsync(store, [.. ops])).Results.Select(r => r.EntityId));
            await ApplyAsync(store, new RemoveRelationship(added[round * 7]));
        }
    }

    private static List<Edge> Edges(GraphIndex graph) =>
        [.. Enumerable.Range(0, graph.EdgeCount).Select(e => new Edge(graph.Key(e), graph.Model.RelationshipTypes[graph.TypeIndex(e)].Name,
            graph.CiId(graph.Source(e)), graph.CiId(graph.Target(e)), graph.ValidFrom(e), graph.ValidTo(e)))];

    /// <summary>The single-threaded answer: every row of the table in id order.</summary>
    private List<Edge> Scan(GraphIndex graph)
    {
        using var file = new SqliteConnection($"Data Source={Database.Path};Mode=ReadOnly;Pooling=False");
        file.Open();
        using var select = file.CreateCommand();
        select.CommandText = "SELECT id, type, source_id, target_id, valid_from_seq, valid_to_seq FROM relationship ORDER BY id";
        using var r = select.ExecuteReader();
        var edges = new List<Edge>();
        while (r.Read()) edges.Add(new Edge(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.IsDBNull(5) ? int.MaxValue : r.GetInt32(5)));
        Assert.NotEmpty(edges);
        Assert.True(graph.EdgeCount > 0);
        return edges;
    }

    private static Task<WriteResult> ApplyAsync(SqliteCmdbStore store, params WriteOperation[] operations) =>
        store.ApplyAsync(WriteBatch.Of(operations), Actor.System, CancellationToken.None);

    private sealed record Edge(long Key, string Type, string Source, string Target, int ValidFrom, int ValidTo);
}
