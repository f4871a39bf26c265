using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// An update merged onto a kept read publishes what a store that reads the CI again publishes: the new facts on the
/// node the batch found (updated by node, not by id) and the merged CI's digest (built from the kept read's canonical
/// text), so that the next large read is taken again and a write of the CI's own fields is decided in memory.
/// </summary>
public sealed class SqliteCarriedUpdatePublishTests : SqliteFileTests
{
    private const int Cis = 1200;
    private const int Carried = 1100; // above the size from which a read is kept
    private static readonly Actor Discovery = new(ActorKind.Discovery, "scanner", "run-1");

    [Fact]
    public async Task CarriedUpdates_PublishFactsAndDigests_SoTheNextRoundIsCarriedAndAnEqualWriteIsUnchanged()
    {
        string[] ids;
        await using (var seeding = await OpenAsync()) ids = await SeedAsync(seeding);
        await using var store = await OpenAsync(); // reopened: every CI's digest is known, so kept reads are taken

        for (var round = 1; round <= 2; round++)
        {
            // The last CIs are not in the large read: their updates read the file, between updates that take the kept read.
            var read = await store.GetCisAsync(ids[..Carried], null, CancellationToken.None);
            var rest = await store.GetCisAsync(ids[Carried..], null, CancellationToken.None);
            await store.ApplyAsync(Updates(ids, id => (read.TryGetValue(id, out var ci) ? ci : rest[id]).Version, round), Discovery, CancellationToken.None);
            Assert.Equal(round * Carried, store.CarriedReads); // round 2: each published digest matched the CI read again
        }

        var graph = await store.GetGraphAsync(ids, CancellationToken.None);
        var now = await store.GetCisAsync(ids, null, CancellationToken.None);
        for (var i = 0; i < Cis; i++)
        {
            Assert.True(graph.TryGetNode(ids[i], out var node));
            var state = graph.StateAt(node, int.MaxValue)!;
            var ci = now[ids[i]];
            Assert.Equal((ci.Environment, ci.Criticality ?? 0, ci.Status), (graph.EnvironmentName(state.EnvironmentIndex), state.Criticality, state.Status));
        }

        Assert.Equal("production", now[ids[0]].Environment);
        Assert.Equal(4, now[ids[3]].Criticality);
        Assert.Equal(CiStatus.Maintenance, now[ids[5]].Status);

        var before = store.UnchangedInMemory;
        var same = ids.Take(50).Select(id => (WriteOperation)new UpsertCi(null, WellKnown.Classes.Application, FieldsOf(now[id]))).ToList();
        var result = await store.ApplyAsync(new WriteBatch(same), Discovery, CancellationToken.None);
        Assert.All(result.Results, r => Assert.Equal(WriteOutcome.Unchanged, r.Outcome));
        Assert.Equal(50, store.UnchangedInMemory - before); // each decided by the digest the carried update published
    }

    private static Task<string[]> SeedAsync(SqliteCmdbStore store) => SeededApplications.WriteAsync(store, Cis);

    /// <summary>Attributes every round; the environment, criticality or status of some CIs, so some facts change and some do not.</summary>
    private static WriteBatch Updates(string[] ids, Func<string, long> version, int round) =>
        new([.. ids.Select((id, i) => (WriteOperation)new UpdateCi(id, version(id), new CiFields
        {
            Attributes = new JsonObject { ["discovered"] = $"round-{round}", ["rack"] = $"r{(i + round) % 40}" },
            Environment = i % 2 == 0 ? "production" : null,
            Criticality = i % 3 == 0 ? round + 2 : null,
            Status = i % 5 == 0 && round == 2 ? CiStatus.Maintenance : null,
        }) { Path = $"items[{i}]" })]);

    private static CiFields FieldsOf(ConfigurationItem ci) => new()
    {
        Name = ci.Name, Status = ci.Status, Environment = ci.Environment, Criticality = ci.Criticality, Owner = ci.Owner,
        SupportGroup = ci.SupportGroup, MinHealthy = ci.MinHealthy, Tags = [.. ci.Tags], Attributes = (JsonObject)ci.Attributes.DeepClone(),
        Identifiers = ci.Identifiers.ToDictionary(p => p.Key, p => p.Value),
    };
}
