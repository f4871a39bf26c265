using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task GetHistoryAsync_CiAndItsRelationships_NewestFirstWithBeforeAndAfter()
    {
        var r = await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"));
        var shop = r.Results[0].EntityId;
        Tick();
        await ApplyAsync(Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"));
        Tick();
        var renamedAt = (await ApplyAsync(new UpdateCi(shop, 1, new CiFields { Name = "shop v2" }))).CommittedAt;

        var page = await Store.GetHistoryAsync(shop, 10, null, CancellationToken.None);

        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["update", "relate", "create"], page.Items.Select(i => i.Node.Operation));
        var update = page.Items[0].Node;
        Assert.Equal(renamedAt, update.At);
        Assert.Equal("user:alice", update.Actor);
        Assert.Equal("ci", update.EntityKind);
        var change = Assert.Single(update.Changes);
        Assert.Equal(("name", "shop", "shop v2"), (change.Field, change.Before!.GetValue<string>(), change.After!.GetValue<string>()));
        Assert.Equal("relationship", page.Items[1].Node.EntityKind);
        Assert.True(page.Items[0].Node.Sequence > page.Items[1].Node.Sequence);
        Assert.Equal(2, (await Store.GetHistoryAsync(r.Results[1].EntityId, 10, null, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task GetHistoryAsync_Paging_ContinuesAfterCursor()
    {
        var id = (await ApplyAsync(App("shop", "app:shop"))).Results[0].EntityId;
        for (var v = 1; v <= 4; v++) await ApplyAsync(new UpdateCi(id, v, new CiFields { Owner = $"team-{v}" }));

        var first = await Store.GetHistoryAsync(id, 2, null, CancellationToken.None);
        var second = await Store.GetHistoryAsync(id, 2, first.EndCursor, CancellationToken.None);
        var third = await Store.GetHistoryAsync(id, 2, second.EndCursor, CancellationToken.None);

        Assert.Equal([5, 5, 5], new[] { first.TotalCount, second.TotalCount, third.TotalCount });
        Assert.True(first.HasNextPage && second.HasNextPage && !third.HasNextPage);
        var all = first.Items.Concat(second.Items).Concat(third.Items).Select(i => i.Node.Sequence).ToList();
        Assert.Equal(all.OrderDescending(), all);
        Assert.Equal(5, all.Distinct().Count());
    }
}
