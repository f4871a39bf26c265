using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Start-up loads every relationship in one bulk step: after a restart the index must answer exactly as the one
/// the running store kept up to date write by write, as of every commit, and keep working for later writes.
/// </summary>
public sealed class SqliteStartupBulkLoadTests : SqliteFileTests
{
    [Fact]
    public async Task InitializeAsync_AfterAddsRemovalsAndRetirement_ImpactAsOfEveryCommitEqualsTheRunningStore()
    {
        List<string> ids;
        Dictionary<(string, int), List<string>> before;
        await using (var store = await OpenAsync())
        {
            ids = await BuildHistoryAsync(store);
            before = Answers(await store.GetGraphAsync([], CancellationToken.None), ids);
        }

        await using var reopened = await OpenAsync();
        var graph = await reopened.GetGraphAsync([], CancellationToken.None);
        Assert.Equal(0, graph.OverlayEntries);
        Assert.Equal(before, Answers(graph, ids));
    }

    [Fact]
    public async Task ApplyAsync_AfterRestart_WritesOnTopOfTheBulkLoadedIndexAndSurviveTheNextRestart()
    {
        List<string> ids;
        await using (var store = await OpenAsync()) ids = await BuildHistoryAsync(store);

        Dictionary<(string, int), List<string>> running;
        await using (var store = await OpenAsync())
        {
            var relationship = (await ApplyAsync(store, new UpsertRelationship(DependsOn, CiRef.ById(ids[0]), CiRef.ById(ids[5]), null))).Results[0].EntityId;
            await ApplyAsync(store, new RemoveRelationship(relationship));
            await ApplyAsync(store, new UpsertRelationship(DependsOn, CiRef.ById(ids[1]), CiRef.ById(ids[6]), null));
            var graph = await store.GetGraphAsync([], CancellationToken.None);
            graph.Compact();
            running = Answers(graph, ids);
        }

        await using var reopened = await OpenAsync();
        Assert.Equal(running, Answers(await reopened.GetGraphAsync([], CancellationToken.None), ids));
    }

    /// <summary>Eight applications on four VMs on two hypervisors over several commits, with removed links and a retired VM.</summary>
    private static async Task<List<string>> BuildHistoryAsync(SqliteCmdbStore store)
    {
        var ids = new List<string>();
        foreach (var (name, className) in Enumerable.Range(0, 8).Select(i => ($"app-{i}", Application))
                     .Concat(Enumerable.Range(0, 4).Select(i => ($"vm-{i}", VirtualMachine)))
                     .Concat(Enumerable.Range(0, 2).Select(i => ($"hv-{i}", Hypervisor))))
        {
            var fields = new CiFields { Name = name, Identifiers = new Dictionary<string, string> { [Cmdb.Domain.Model.WellKnown.Identifiers.CmdbKey] = name } };
            ids.Add((await ApplyAsync(store, new UpsertCi(null, className, fields))).Results[0].EntityId);
        }

        var removable = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            removable.Add((await ApplyAsync(store, new UpsertRelationship(RunsOn, CiRef.ById(ids[i]), CiRef.ById(ids[8 + (i % 4)]), null))).Results[0].EntityId);
            if (i > 0) await ApplyAsync(store, new UpsertRelationship(DependsOn, CiRef.ById(ids[i]), CiRef.ById(ids[i - 1]), null));
        }

        for (var v = 0; v < 4; v++) await ApplyAsync(store, new UpsertRelationship(HostedOn, CiRef.ById(ids[8 + v]), CiRef.ById(ids[12 + (v % 2)]), null));
        await ApplyAsync(store, new RemoveRelationship(removable[2]));
        await ApplyAsync(store, new RemoveRelationship(removable[5]));
        await ApplyAsync(store, new RetireCi(ids[9], null));
        await ApplyAsync(store, new UpsertRelationship(RunsOn, CiRef.ById(ids[2]), CiRef.ById(ids[10]), null));
        return ids;
    }

    /// <summary>Every live CI's impact closure as of every commit, keyed by (CI, commit).</summary>
    private static Dictionary<(string, int), List<string>> Answers(GraphIndex graph, List<string> ids)
    {
        var analyzer = new ImpactAnalyzer();
        var answers = new Dictionary<(string, int), List<string>>();
        for (var seq = 1; seq <= graph.Commits.Latest; seq++)
        {
            foreach (var id in ids)
            {
                if (!graph.TryGetNode(id, out var node) || !graph.IsLiveAt(node, seq)) continue;
                var result = analyzer.Impact(graph, [id], new() { AsOfSeq = seq });
                answers[(id, seq)] = result.Items(0, result.TotalCount).Select(i => i.ToString()).Order(StringComparer.Ordinal).ToList();
            }
        }

        Assert.NotEmpty(answers);
        return answers;
    }

    private static Task<WriteResult> ApplyAsync(SqliteCmdbStore store, params WriteOperation[] operations) =>
        store.ApplyAsync(WriteBatch.Of(operations), Actor.System, CancellationToken.None);
}
