using System.Globalization;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A pipelined batch has the search thread write its index segment ('flush') before the batch's COMMIT, instead of the
/// search file's COMMIT doing it on the batch's thread. Where FTS5 writes a batch's rows must not change what search
/// answers: the same CIs, scores and order as a store that wrote every batch row by row.
/// </summary>
public sealed class SqliteSearchFlushTests : SqliteFileTests
{
    private const int Bulk = 1_200;

    // Each with fewer hits than a page, so ties (ordered by CI id, which differs between the two stores) are all in it.
    private static readonly string[] Queries = ["bulk 7", "renamed", "renamed 11", "r3", "r5 new", "moved", "fresh", "old 9", "bulk-1199"];

    [Fact]
    public async Task ApplyAsync_PipelinedUpdatesAndCreations_SearchAnswersAsRowByRowBatchesDo()
    {
        await using var pipelined = await OpenAsync();
        pipelined.PipelineOperations = 100;
        using var folder = new TempDatabase();
        await using var rowByRow = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = folder.Path }, Model, Time);
        await rowByRow.InitializeAsync(CancellationToken.None);
        rowByRow.PipelineOperations = int.MaxValue;

        await WriteAsync(pipelined);
        await WriteAsync(rowByRow);

        var expected = await DescribeAsync(rowByRow);
        Assert.Equal(expected, await DescribeAsync(pipelined));
        // The replaced rows' words are gone: only the CIs batch 2 left alone still hold "old".
        Assert.Equal(Bulk / 2, (await pipelined.SearchAsync("old", 1000, CancellationToken.None)).Count);
        Assert.Equal(Bulk / 2, (await pipelined.SearchAsync("renamed", 1000, CancellationToken.None)).Count);
    }

    /// <summary>
    /// Batch 1 creates the bulk. Batch 2 updates every other CI in descending row order (a rename, a new attribute),
    /// with creations between them, so FTS5 also flushes on its own mid-batch (a row key lower than the last). Batch 3
    /// updates again rows batch 2 flushed.
    /// </summary>
    private static async Task WriteAsync(SqliteCmdbStore store)
    {
        var created = await store.ApplyAsync(new WriteBatch(
            [.. Enumerable.Range(0, Bulk).Select(i => (WriteOperation)App(Key(i), "old words " + Key(i)))]), Actor.System, CancellationToken.None);
        var ids = created.Results.Select(r => r.EntityId).ToList();
        var second = new List<WriteOperation>();
        for (var i = Bulk - 2; i >= 0; i -= 2)
        {
            second.Add(new UpdateCi(ids[i], 1, new CiFields
            {
                Name = "renamed " + Key(i),
                Attributes = new() { ["note"] = "new words", ["rack"] = string.Create(CultureInfo.InvariantCulture, $"r{i % 7}") },
            }));
            if (i % 10 == 0) second.Add(App("fresh-" + Key(i), "fresh words"));
        }

        await store.ApplyAsync(new WriteBatch(second), Actor.System, CancellationToken.None);
        var third = Enumerable.Range(0, 150).Select(k => (WriteOperation)new UpdateCi(ids[k * 4], 2, new CiFields
        {
            Attributes = new() { ["rack"] = "r3 moved" },
        })).ToList();
        await store.ApplyAsync(new WriteBatch(third), Actor.System, CancellationToken.None);
    }

    /// <summary>Every query's hits: name and score, best first; equal scores by name.</summary>
    private static async Task<List<(string Query, string Name, double Score)>> DescribeAsync(SqliteCmdbStore store)
    {
        var hits = new List<(string Query, string Name, double Score)>();
        foreach (var query in Queries)
        {
            var page = await store.SearchAsync(query, 1000, CancellationToken.None);
            Assert.True(page.Count < 1000, query);
            hits.AddRange(page.Select(h => (query, h.Ci.Name, h.Score)).OrderByDescending(h => h.Score).ThenBy(h => h.Name, StringComparer.Ordinal));
        }

        Assert.NotEmpty(hits);
        return hits;
    }

    private static string Key(int i) => string.Create(CultureInfo.InvariantCulture, $"bulk-{i}");

    private static UpsertCi App(string key, string note) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = key,
        Environment = "prod",
        Owner = "svc owner",
        SupportGroup = "team prod",
        Tags = ["web"],
        Attributes = new() { ["note"] = note, ["port"] = 8080 },
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });
}
