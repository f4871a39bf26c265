using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Internal;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// The pipelined update path as discovery drives it (session 12): batches of updates to committed CIs that add
/// attributes. Its rows are written typed, an update that changes no identifier skips the uniqueness check and the
/// identifier rows, and the tapes the pipelines hand between threads are kept from one batch to the next. None of that
/// may change what is stored, found, audited or read as of an earlier time.
/// </summary>
public sealed class SqliteUpdatePathTests : SqliteFileTests
{
    private const int Cis = 300;

    [Fact]
    public async Task UpdateCi_AttributesOnlyInAPipelinedBatch_SearchHistoryAsOfAndIdentifiersAsBefore()
    {
        await using var store = await OpenPipelinedAsync();
        var ids = await CreateAsync(store);
        var before = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(1));

        var updates = ids.Select((id, i) => (WriteOperation)new UpdateCi(id, 1, new CiFields
        {
            Attributes = new JsonObject { ["rack"] = $"rack-{i}", ["slots"] = new JsonArray(i, "slotx") },
        })).ToList();
        var result = await store.ApplyAsync(new WriteBatch(updates), Actor.System, CancellationToken.None);

        Assert.Equal(Cis, result.Count(WriteOutcome.Updated));
        var id = ids[217];
        // Search: the new values are found (nested ones too), the old ones still are, nothing else matches.
        Assert.Equal([id], (await store.SearchAsync("rack-217", 5, CancellationToken.None)).Select(h => h.Ci.Id));
        Assert.Equal([id], (await store.SearchAsync("value-217", 5, CancellationToken.None)).Select(h => h.Ci.Id));
        Assert.Equal([id], (await store.SearchAsync("key-217", 5, CancellationToken.None)).Select(h => h.Ci.Id));
        Assert.Equal(Cis, (await store.SearchAsync("slotx", Cis + 10, CancellationToken.None)).Count);
        // As of before the update: version 1, without the new attributes; now: version 2 with them.
        var old = (await store.GetCisAsync([id], before, CancellationToken.None))[id];
        var now = (await store.GetCisAsync([id], null, CancellationToken.None))[id];
        Assert.Equal((1, false), (old.Version, old.Attributes.ContainsKey("rack")));
        Assert.Equal((2, "rack-217"), (now.Version, now.Attributes["rack"]!.GetValue<string>()));
        Assert.Equal("value-217", now.Attributes["note"]!.GetValue<string>());
        // Audit: the update names exactly the two attributes it set.
        var history = await store.GetHistoryAsync(id, 10, null, CancellationToken.None);
        var update = Assert.Single(history.Items, e => e.Node.Operation == "update").Node;
        Assert.Equal(["attributes.rack", "attributes.slots"], update.Changes.Select(c => c.Field).Order(StringComparer.Ordinal));
        // Identifiers: untouched, still resolved to their CIs, and no identifier row was ended.
        var resolved = await store.ResolveIdentifiersAsync([(WellKnown.Identifiers.CmdbKey, "key-217")], CancellationToken.None);
        Assert.Equal(id, resolved[(WellKnown.Identifiers.CmdbKey, "key-217")]);
        Assert.Equal(0, TableRows.Count(Database.Path, ["identifier"])["identifier"]);
    }

    [Fact]
    public async Task UpdateCi_IdentifierChangedInAPipelinedBatch_IsWrittenAndAnotherCisIsRefused()
    {
        await using var store = await OpenPipelinedAsync();
        var ids = await CreateAsync(store);
        var updates = ids.Select((id, i) => (WriteOperation)new UpdateCi(id, 1, new CiFields
        {
            Attributes = new JsonObject { ["rack"] = $"rack-{i}" },
            Identifiers = i == 5 ? new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = "key-5-new" } : null,
        })).ToList();
        await store.ApplyAsync(new WriteBatch(updates), Actor.System, CancellationToken.None);

        var resolved = await store.ResolveIdentifiersAsync(
            [(WellKnown.Identifiers.CmdbKey, "key-5-new"), (WellKnown.Identifiers.CmdbKey, "key-5")], CancellationToken.None);
        Assert.Equal(ids[5], resolved[(WellKnown.Identifiers.CmdbKey, "key-5-new")]);
        Assert.False(resolved.ContainsKey((WellKnown.Identifiers.CmdbKey, "key-5")));
        Assert.Equal([ids[5]], (await store.SearchAsync("key-5-new", 5, CancellationToken.None)).Select(h => h.Ci.Id));

        // Taking a key another CI holds is refused by the store's check (not only by the file's unique index).
        var steal = ids.Select((id, i) => (WriteOperation)new UpdateCi(id, 2, new CiFields
        {
            Attributes = new JsonObject { ["rack"] = $"moved-{i}" },
            Identifiers = i == 200 ? new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = "key-7" } : null,
        }) { Path = $"cis[{i}]" }).ToList();
        var e = await Assert.ThrowsAsync<CmdbException>(() => store.ApplyAsync(new WriteBatch(steal), Actor.System, CancellationToken.None));
        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Contains("already belongs to CI " + ids[7], e.Message, StringComparison.Ordinal);
        Assert.Empty(await store.SearchAsync("moved-1", 5, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyAsync_TenPipelinedBatches_ReuseTheSameTapes()
    {
        await using var store = await OpenPipelinedAsync();
        var ids = await CreateAsync(store);
        Assert.InRange(store.WriterTapes.Count, 2, TapePool.Capacity); // both pipelines' tapes were kept

        for (var round = 0; round < 10; round++)
        {
            var updates = ids.Select((id, i) => (WriteOperation)new UpdateCi(id, round + 1, new CiFields
            {
                Attributes = new JsonObject { ["round"] = round },
            })).ToList();
            await store.ApplyAsync(new WriteBatch(updates), Actor.System, CancellationToken.None);
        }

        // Each batch hands at least one tape per pipeline: without reuse eleven batches would have made at least 22.
        Assert.InRange(store.WriterTapes.Made, 2, TapePool.Capacity);
        Assert.Equal(11, (await store.GetCisAsync([ids[0]], null, CancellationToken.None))[ids[0]].Version);
    }

    [Fact]
    public void TapePool_Return_ClearsTheTapeAndKeepsAtMostCapacity()
    {
        var pool = new TapePool();
        var tapes = Enumerable.Range(0, TapePool.Capacity + 3).Select(_ => pool.Take()).ToList();
        Assert.Equal(TapePool.Capacity + 3, pool.Made);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var statement = new Statement(connection, "SELECT $a", "$a");
        tapes[0].Begin(statement).Int(1).End();

        foreach (var tape in tapes) pool.Return(tape);

        Assert.Equal(TapePool.Capacity, pool.Count);
        var again = pool.Take();
        Assert.Same(tapes[0], again);
        Assert.Equal(0, again.Steps);
        Assert.Equal(TapePool.Capacity + 3, pool.Made);
    }

    [Fact]
    public void SearchText_AttributeValuesOfAnObjectIntoATape_SameTextAsTheString()
    {
        var attributes = new JsonObject
        {
            ["rack"] = "r-1 é",
            ["ports"] = new JsonArray(80, 443.5, "tls"),
            ["nested"] = new JsonObject { ["on"] = true, ["off"] = false, ["none"] = null, ["deep"] = new JsonObject { ["x"] = -7 } },
            ["empty"] = "",
        };
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (v TEXT)";
            create.ExecuteNonQuery();
        }

        using var insert = new Statement(connection, "INSERT INTO t (v) VALUES ($v)", "$v");
        var tape = new StepTape();
        tape.Begin(insert).StartText();
        SearchText.AppendAttributeValues(tape, attributes);
        tape.EndText().End();
        using (var tx = connection.BeginTransaction())
        {
            tape.RunAll(tx);
            tx.Commit();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT v FROM t";
        Assert.Equal(SearchText.AttributeValues(attributes), (string)read.ExecuteScalar()!);
        Assert.Equal("r-1 é 80 443.5 tls true false -7  ", SearchText.AttributeValues(attributes));
    }

    private async Task<SqliteCmdbStore> OpenPipelinedAsync()
    {
        var store = await OpenAsync();
        store.PipelineOperations = 100;
        return store;
    }

    private static async Task<string[]> CreateAsync(SqliteCmdbStore store)
    {
        var creates = Enumerable.Range(0, Cis).Select(i => (WriteOperation)new UpsertCi(null, WellKnown.Classes.Application, new CiFields
        {
            Name = $"application-{i:D5}",
            Owner = $"team-{i}",
            Attributes = new JsonObject { ["note"] = $"value-{i}" },
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"key-{i}" },
        })).ToList();
        var result = await store.ApplyAsync(new WriteBatch(creates), Actor.System, CancellationToken.None);
        return [.. result.Results.Select(r => r.EntityId)];
    }
}
