using System.Collections;
using System.Text;
using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

public sealed partial class SqlitePipelinedWriteTests
{
    [Fact]
    public async Task ApplyAsync_SameBatchesPipelinedAndOneRowAtATime_WriteTheSameDatabase()
    {
        using var other = new TempDatabase();
        var otherClock = new FakeTimeProvider(Time.GetUtcNow());
        await using var pipelined = await OpenPipelinedAsync();
        await using var inline = new SqliteCmdbStore(new SqliteStorageOptions { DatabasePath = other.Path }, Model, otherClock);
        await inline.InitializeAsync(CancellationToken.None);
        inline.PipelineOperations = int.MaxValue;

        var searches = new List<string>();
        foreach (var (store, clock) in new[] { (pipelined, Time), (inline, otherClock) })
        {
            // 1: creates, an in-batch update, an identifier moved inside the batch, relationships (some with attributes).
            var first = Enumerable.Range(1, 400).Select(i => (WriteOperation)App(i)).ToList();
            first.Add(App(3) with { Fields = App(3).Fields with { Name = "renamed-3", Tags = ["moved"] } });
            first.Add(new UpsertCi(null, WellKnown.Classes.Application, new CiFields
            {
                Name = "takes-two-keys", Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.Fqdn] = "x.example", [WellKnown.Identifiers.CmdbKey] = "key-new" },
            }));
            first.Add(App(3) with { Fields = App(3).Fields with { Owner = "team-again" } });
            first.AddRange(Enumerable.Range(1, 300).Select(i => (WriteOperation)Depends(i, i % 400 + 1, i % 3 == 0 ? new JsonObject { ["weight"] = i } : null)));
            var one = await store.ApplyAsync(new WriteBatch(first), Actor.System, CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));

            // 2: updates and retirements of committed CIs (read ahead in one statement), relationship updates and removals.
            var ids = one.Results.Take(400).Select(r => r.EntityId).ToArray();
            var relIds = one.Results.Skip(403).Select(r => r.EntityId).ToArray();
            var second = new List<WriteOperation>();
            second.AddRange(Enumerable.Range(0, 200).Select(i => (WriteOperation)new UpsertCi(ids[i * 2], WellKnown.Classes.Application, new CiFields { Criticality = i % 4 + 1 })));
            second.AddRange(Enumerable.Range(0, 50).Select(i => (WriteOperation)new UpdateCi(ids[i * 2 + 1], 1, new CiFields { Environment = "staging" })));
            second.AddRange(Enumerable.Range(0, 20).Select(i => (WriteOperation)new RetireCi(ids[300 + i], null)));
            second.AddRange(Enumerable.Range(1, 30).Select(i => (WriteOperation)Depends(i, i % 400 + 1, new JsonObject { ["weight"] = -i })));
            second.AddRange(relIds.Skip(100).Take(30).Select(id => (WriteOperation)new RemoveRelationship(id)));
            second.Add(new UpdateCi(ids[1], 2, new CiFields { Name = "twice-updated" })); // the CI this batch updated above
            // An identifier given, replaced and given away again inside the batch: rows closed before they were committed.
            second.Add(new UpsertCi(ids[4], WellKnown.Classes.Application, new CiFields { Identifiers = Key("key-5b") }));
            second.Add(new UpsertCi(ids[4], WellKnown.Classes.Application, new CiFields { Identifiers = Key("key-5c") }));
            second.Add(new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = "takes-key-5b", Identifiers = Key("key-5b") }));
            second.Add(new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = "takes-key-5", Identifiers = Key("key-5") }));
            await store.ApplyAsync(new WriteBatch(second), Actor.System, CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));

            var found = new StringBuilder();
            foreach (var text in new[] { "renamed", "moved", "takes", "key-5b", "twice", "application-00200", "staging", "team-17", "value-399" })
            {
                var hits = await store.SearchAsync(text, 50, CancellationToken.None);
                found.Append(text).Append(':').AppendJoin(',', hits.Select(h => ids.Contains(h.Ci.Id) ? Array.IndexOf(ids, h.Ci.Id) : -1)).Append(';');
            }

            searches.Add(found.ToString());
        }

        Assert.Equal(searches[0], searches[1]);
        var expected = Dump(other.Path);
        var actual = Dump(Database.Path);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i]);
    }

    private static UpsertRelationship Depends(int from, int to, JsonObject? attributes) => new(
        WellKnown.RelationshipTypes.DependsOn, new CiRef(null, WellKnown.Identifiers.CmdbKey, $"key-{from}"), new CiRef(null, WellKnown.Identifiers.CmdbKey, $"key-{to}"), attributes);

    private static Dictionary<string, string> Key(string value) => new() { [WellKnown.Identifiers.CmdbKey] = value };

    /// <summary>Every row of every table in rowid order, each CI id replaced by its search row key (ULIDs differ per run).</summary>
    private static List<string> Dump(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var names = new List<(string Id, string Key)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, rid FROM ci";
            using var r = cmd.ExecuteReader();
            while (r.Read()) names.Add((r.GetString(0), $"ci#{r.GetInt64(1)}"));
        }

        var rows = new List<string>();
        foreach (var table in Tables)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = table == "relationship_attributes" ? $"SELECT * FROM {table} ORDER BY 1, 2" : $"SELECT * FROM {table} ORDER BY rowid";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var row = new StringBuilder(table);
                for (var c = 0; c < r.FieldCount; c++) row.Append(" | ").Append(r.IsDBNull(c) ? "null" : Convert.ToString(r.GetValue(c), System.Globalization.CultureInfo.InvariantCulture));
                var text = row.ToString();
                foreach (var (id, key) in names) text = text.Replace(id, key, StringComparison.Ordinal);
                rows.Add(text);
            }
        }

        return rows;
    }

    /// <summary>Cancels the token when the store reaches one operation, as a caller giving up mid-batch would.</summary>
    private sealed class CancellingList(List<WriteOperation> inner, int at, CancellationTokenSource cts) : IReadOnlyList<WriteOperation>
    {
        public WriteOperation this[int index]
        {
            get
            {
                if (index == at) cts.Cancel();
                return inner[index];
            }
        }

        public int Count => inner.Count;

        public IEnumerator<WriteOperation> GetEnumerator()
        {
            for (var i = 0; i < inner.Count; i++) yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
