using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

public sealed class SqliteRetentionTests : SqliteFileTests
{

    [Fact]
    public async Task InitializeAsync_HistoryOlderThanRetention_IsPrunedAndCurrentStateKept()
    {
        string shop, oldRel, liveRel;
        await using (var store = await OpenAsync())
        {
            var r = await ApplyAsync(store, App("shop", "app:shop"), App("cart", "app:cart"), App("pay", "app:pay"),
                Relate("app:shop", "app:cart"), Relate("app:shop", "app:pay"));
            (shop, oldRel, liveRel) = (r.Results[0].EntityId, r.Results[3].EntityId, r.Results[4].EntityId);
            Time.Advance(TimeSpan.FromDays(1));
            await ApplyAsync(store, new UpdateCi(shop, 1, new CiFields { Name = "shop v2" }), new RemoveRelationship(oldRel));
            Time.Advance(TimeSpan.FromDays(30));
            await ApplyAsync(store, new UpdateCi(shop, 2, new CiFields { Name = "shop v3" }));
        }

        Time.Advance(TimeSpan.FromDays(380)); // the first two commits are now more than 400 days old, the third is not
        await using var reopened = await OpenAsync();

        Assert.True(reopened.PrunedRows > 0);
        Assert.Equal("shop v3", (await reopened.GetCisAsync([shop], null, CancellationToken.None))[shop].Name);
        Assert.Null(await reopened.GetRelationshipAsync(oldRel, CancellationToken.None));
        Assert.NotNull(await reopened.GetRelationshipAsync(liveRel, CancellationToken.None));
        var history = await reopened.GetHistoryAsync(shop, 10, null, CancellationToken.None);
        Assert.Equal(["update"], history.Items.Select(i => i.Node.Operation));
        var rels = await reopened.GetRelationshipsAsync([shop], Direction.Outgoing, null, null, CancellationToken.None);
        Assert.Equal(liveRel, Assert.Single(rels[shop]).Id);
        Assert.Equal(shop, (await reopened.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, "app:shop", null, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task InitializeAsync_RecentHistory_KeepsEverything()
    {
        await using (var store = await OpenAsync())
        {
            var id = (await ApplyAsync(store, App("shop", "app:shop"))).Results[0].EntityId;
            await ApplyAsync(store, new UpdateCi(id, 1, new CiFields { Name = "shop v2" }));
        }

        await using var reopened = await OpenAsync();

        Assert.Equal(0, reopened.PrunedRows);
    }


    private static Task<WriteResult> ApplyAsync(SqliteCmdbStore store, params WriteOperation[] operations) =>
        store.ApplyAsync(WriteBatch.Of(operations), Actor.System, CancellationToken.None);

    private static UpsertCi App(string name, string key) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = name, Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = key },
    });

    private static UpsertRelationship Relate(string source, string target) => new(WellKnown.RelationshipTypes.DependsOn,
        CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, source), CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, target), null);
}
