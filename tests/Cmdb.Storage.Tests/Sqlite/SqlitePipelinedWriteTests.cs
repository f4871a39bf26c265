using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Large batches step their statements on a second thread (the write pipeline). Whatever goes wrong on either
/// thread, in the middle of a big batch, the batch is all or nothing, and what it writes is found afterwards.
/// </summary>
public sealed partial class SqlitePipelinedWriteTests : SqliteFileTests
{
    private static readonly string[] Tables = ["txn", "ci", "ci_version", "identifier", "relationship", "relationship_attributes", "audit", "ci_created"];

    [Fact]
    public async Task ApplyAsync_BadCiInTheMiddleOfABigBatch_IsRefusedAndWritesNothing()
    {
        await using var store = await OpenPipelinedAsync();
        await store.ApplyAsync(WriteBatch.Of(App(0)), Actor.System, CancellationToken.None);
        var before = Counts(Database.Path);
        var ops = Enumerable.Range(1, 3000).Select(i => (WriteOperation)App(i)).ToList();
        ops[1500] = new UpsertCi(null, "NoSuchClass", App(1500).Fields) { Path = "cis[1500]" };

        var e = await Assert.ThrowsAsync<CmdbException>(() => store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None));

        Assert.Equal(ErrorCode.ModelViolation, e.Code);
        Assert.Contains("cis[1500]", e.Path ?? e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Counts(Database.Path));
        Assert.Empty(await store.SearchAsync(Name(10), 5, CancellationToken.None));
        Assert.Equal(1, (await store.GetGraphAsync([], CancellationToken.None)).NodeCount);
        var retry = await store.ApplyAsync(new WriteBatch([.. ops.Take(1500)]), Actor.System, CancellationToken.None);
        Assert.All(retry.Results, r => Assert.Equal(WriteOutcome.Created, r.Outcome)); // nothing of the failed batch is remembered
    }

    [Fact]
    public async Task ApplyAsync_StatementFailsOnTheSecondThread_IsAConflictAndWritesNothing()
    {
        await using var store = await OpenPipelinedAsync();
        var holder = (await store.ApplyAsync(WriteBatch.Of(App(0)), Actor.System, CancellationToken.None)).Results[0].EntityId;
        // A row the in-memory checks cannot know about: the file's unique index is the last line, hit mid-batch.
        using (var side = new SqliteConnection($"Data Source={Database.Path};Pooling=False"))
        {
            side.Open();
            using var cmd = side.CreateCommand();
            cmd.CommandText = "INSERT INTO identifier_current (scheme, value, ci_id, valid_from_seq) VALUES ('cmdb.key', 'key-2000', $holder, 1)";
            cmd.Parameters.AddWithValue("$holder", holder);
            cmd.ExecuteNonQuery();
        }

        var before = Counts(Database.Path);
        var ops = Enumerable.Range(1, 3000).Select(i => (WriteOperation)App(i)).ToList();

        var e = await Assert.ThrowsAsync<CmdbException>(() => store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None));

        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Contains("UNIQUE", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Counts(Database.Path));
        Assert.Equal(1, (await store.GetGraphAsync([], CancellationToken.None)).NodeCount);
        var next = await store.ApplyAsync(new WriteBatch([.. ops.Take(1000)]), Actor.System, CancellationToken.None);
        Assert.Equal(1000, next.Count(WriteOutcome.Created)); // the writer connection is usable again
    }

    [Fact]
    public async Task ApplyAsync_CancelledMidBatch_WritesNothingAndTheStoreGoesOn()
    {
        await using var store = await OpenPipelinedAsync();
        var before = Counts(Database.Path);
        using var cts = new CancellationTokenSource();
        var ops = Enumerable.Range(1, 2000).Select(i => (WriteOperation)App(i)).ToList();
        var cancelling = new CancellingList(ops, 1000, cts);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ApplyAsync(new WriteBatch(cancelling), Actor.System, cts.Token));

        Assert.Equal(before, Counts(Database.Path));
        var next = await store.ApplyAsync(new WriteBatch([.. ops.Take(1000)]), Actor.System, CancellationToken.None);
        Assert.Equal(1000, next.Count(WriteOutcome.Created));
    }

    [Fact]
    public async Task ApplyAsync_BigBatch_SearchFindsEveryKindOfTextOfACiInTheMiddle()
    {
        await using var store = await OpenPipelinedAsync();
        var ops = Enumerable.Range(1, 2500).Select(i => (WriteOperation)App(i)).ToList();

        var result = await store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None);

        var id = result.Results[1234].EntityId;
        foreach (var text in new[] { Name(1235), "key-1235", "team-1235", "tag-1235", "value-1235" })
        {
            var hits = await store.SearchAsync(text, 5, CancellationToken.None);
            Assert.Equal(id, Assert.Single(hits).Ci.Id);
        }
    }

    [Fact]
    public async Task ApplyAsync_SameIdentifierTwiceInOneBigBatch_SecondUpdatesTheFirstAsTheOneRowPathDoes()
    {
        await using var store = await OpenPipelinedAsync();
        var ops = Enumerable.Range(1, 1500).Select(i => (WriteOperation)App(i)).ToList();
        ops.Add(App(7) with { Fields = App(7).Fields with { Name = "renamed-7" } });

        var result = await store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None);

        Assert.Equal(WriteOutcome.Updated, result.Results[^1].Outcome);
        Assert.Equal((result.Results[6].EntityId, 2L), (result.Results[^1].EntityId, result.Results[^1].Version));
        Assert.Equal(1500, Counts(Database.Path)["ci"]);
        Assert.Equal("renamed-7", (await store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, "key-7", null, CancellationToken.None))!.Name);
    }

    private async Task<SqliteCmdbStore> OpenPipelinedAsync()
    {
        var store = await OpenAsync();
        store.PipelineOperations = 100;
        return store;
    }

    private static string Name(int i) => $"application-{i:D5}";

    private static UpsertCi App(int i) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = Name(i),
        Owner = $"team-{i}",
        Tags = [$"tag-{i}"],
        Attributes = new JsonObject { ["tier"] = i % 5, ["note"] = $"value-{i}" },
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"key-{i}" },
    })
    { Path = $"cis[{i}]" };

    private static Dictionary<string, long> Counts(string path) => TableRows.Count(path, Tables);
}
