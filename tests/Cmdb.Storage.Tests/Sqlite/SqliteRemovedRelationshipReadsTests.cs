using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// Since V0008 a CI's relationships and their audit entries are found through the graph index, not an index on the
/// relationship table, so a removed relationship must stay findable after the index is compacted and after a restart
/// rebuilds it from the file: in the CI's history, and in reads as of a moment when it existed.
/// </summary>
public sealed class SqliteRemovedRelationshipReadsTests : SqliteFileTests
{
    [Fact]
    public async Task GetHistoryAsync_RemovedRelationshipAfterCompactionAndRestart_StillListsRelateAndUnrelate()
    {
        string a, relationshipId;
        DateTimeOffset whileItExisted;
        await using (var store = await OpenAsync())
        {
            var created = await store.ApplyAsync(new WriteBatch([Ci("a"), Ci("b")]), Actor.System, CancellationToken.None);
            a = created.Results[0].EntityId;
            var b = created.Results[1].EntityId;
            var related = await store.ApplyAsync(WriteBatch.Of(new UpsertRelationship(
                WellKnown.RelationshipTypes.DependsOn, new CiRef(a, null, null), new CiRef(b, null, null), null)), Actor.System, CancellationToken.None);
            relationshipId = related.Results[0].EntityId;
            Time.Advance(TimeSpan.FromMinutes(5));
            whileItExisted = Time.GetUtcNow();
            Time.Advance(TimeSpan.FromMinutes(5));
            await store.ApplyAsync(WriteBatch.Of(new RemoveRelationship(relationshipId)), Actor.System, CancellationToken.None);
            (await store.GetGraphAsync([], CancellationToken.None)).Compact();

            await AssertRemovedRelationshipFoundAsync(store, a, relationshipId, whileItExisted);
        }

        await using var reopened = await OpenAsync();
        await AssertRemovedRelationshipFoundAsync(reopened, a, relationshipId, whileItExisted);
    }

    private static async Task AssertRemovedRelationshipFoundAsync(SqliteCmdbStore store, string ciId, string relationshipId, DateTimeOffset whileItExisted)
    {
        var history = await store.GetHistoryAsync(ciId, 50, null, CancellationToken.None);
        Assert.Equal(
            ["relate", "unrelate"],
            history.Items.Select(i => i.Node).Where(e => e.EntityId == relationshipId).Select(e => e.Operation).OrderBy(o => o, StringComparer.Ordinal));

        var now = await store.GetRelationshipsAsync([ciId], Direction.Outgoing, null, null, CancellationToken.None);
        Assert.Empty(now.GetValueOrDefault(ciId) ?? []);
        var then = await store.GetRelationshipsAsync([ciId], Direction.Outgoing, null, whileItExisted, CancellationToken.None);
        Assert.Equal([relationshipId], then[ciId].Select(r => r.Id));
    }

    private static UpsertCi Ci(string key) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = key,
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });
}
