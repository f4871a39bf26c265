using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Relationships between indexed CIs named by identifiers are decided by index node; written either way, a batch
/// finds its own new relationships whichever way a later step names the ends.
/// </summary>
public sealed class SqliteRelationshipByNodeTests : SqliteFileTests
{
    [Theory]
    [InlineData(1)] // pipelined: statements on the second thread
    [InlineData(1_000_000)]
    public async Task ApplyAsync_SameRelationshipByIdentifiersAndByIds_OneRelationshipPerStep(int pipelineFrom)
    {
        await using var store = await OpenAsync();
        store.PipelineOperations = pipelineFrom;
        var (a, b) = await TwoCisAsync(store);

        var result = await store.ApplyAsync(new WriteBatch(
        [
            ByKeys(), ById(a, b), new RemoveRelationship("1"), ById(a, b), ByKeys(),
        ]), Actor.System, CancellationToken.None);

        Assert.Equal(
            ["Created 1", "Unchanged 1", "Removed 1", "Created 2", "Unchanged 2"],
            result.Results.Select(r => $"{r.Outcome} {r.EntityId}"));
        var now = await store.GetRelationshipsAsync([a], Direction.Outgoing, null, null, CancellationToken.None);
        Assert.Equal(["2"], now[a].Select(r => r.Id));
        var graph = await store.GetGraphAsync([], CancellationToken.None);
        Assert.Equal(2, graph.EdgeCount);
    }

    [Fact]
    public async Task ApplyAsync_BatchWithNewCi_FindsRelationshipsWrittenByNodesEarlier()
    {
        await using var store = await OpenAsync();
        var (a, b) = await TwoCisAsync(store);
        await store.ApplyAsync(WriteBatch.Of(ByKeys()), Actor.System, CancellationToken.None);

        var result = await store.ApplyAsync(new WriteBatch(
        [
            Ci("key-c"), ByKeys(), ById(a, b),
            new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn, Key("key-c"), Key("key-a"), null),
        ]), Actor.System, CancellationToken.None);

        Assert.Equal(["Created", "Unchanged 1", "Unchanged 1", "Created 2"], result.Results.Select(r => r.Outcome == WriteOutcome.Created && r.EntityId.Length > 5 ? "Created" : $"{r.Outcome} {r.EntityId}"));
        var incoming = await store.GetRelationshipsAsync([a], Direction.Incoming, null, null, CancellationToken.None);
        Assert.Equal([result.Results[0].EntityId], incoming[a].Select(r => r.SourceId));
    }

    [Fact]
    public async Task ApplyAsync_ByIdentifiersNotAllowedForTheClasses_SameErrorAsByIds()
    {
        await using var store = await OpenAsync();
        var (a, _) = await TwoCisAsync(store);
        var byKeys = new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn, Key("key-a"), Key("key-a"), null);
        var byIds = new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn, new CiRef(a, null, null), new CiRef(a, null, null), null);

        var first = await Record.ExceptionAsync(() => store.ApplyAsync(WriteBatch.Of(byKeys), Actor.System, CancellationToken.None));
        var second = await Record.ExceptionAsync(() => store.ApplyAsync(WriteBatch.Of(byIds), Actor.System, CancellationToken.None));

        Assert.NotNull(first);
        Assert.Equal(second?.Message, first.Message);
        Assert.Equal(0, (await store.GetGraphAsync([], CancellationToken.None)).EdgeCount);
    }

    private static async Task<(string A, string B)> TwoCisAsync(SqliteCmdbStore store)
    {
        var created = await store.ApplyAsync(new WriteBatch([Ci("key-a"), Ci("key-b")]), Actor.System, CancellationToken.None);
        return (created.Results[0].EntityId, created.Results[1].EntityId);
    }

    private static UpsertRelationship ByKeys() => new(WellKnown.RelationshipTypes.DependsOn, Key("key-a"), Key("key-b"), null);

    private static UpsertRelationship ById(string a, string b) =>
        new(WellKnown.RelationshipTypes.DependsOn, new CiRef(a, null, null), new CiRef(b, null, null), null);

    private static CiRef Key(string key) => new(null, WellKnown.Identifiers.CmdbKey, key);

    private static UpsertCi Ci(string key) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = key,
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });
}
