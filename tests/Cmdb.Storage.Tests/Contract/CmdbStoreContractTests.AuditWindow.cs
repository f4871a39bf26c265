using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task GetAuditAsync_Window_OnlyAskedCisInTheWindowNewestFirst()
    {
        var r = await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"), App("other", "app:other"));
        var (shop, cart, other) = (r.Results[0].EntityId, r.Results[1].EntityId, r.Results[2].EntityId);
        var since = Tick(10);
        await ApplyAsync(Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"));
        Tick();
        await ApplyAsync(new UpdateCi(cart, 1, new CiFields { Owner = "team-cart" }));
        Tick();
        await ApplyAsync(new UpdateCi(other, 1, new CiFields { Owner = "team-other" }));
        var until = Tick();
        Tick(10);
        await ApplyAsync(new UpdateCi(shop, 1, new CiFields { Owner = "too late" }));

        var entries = await Store.GetAuditAsync([cart], since, until, 10, CancellationToken.None);

        Assert.Equal(["update", "relate"], entries.Select(e => e.Entry.Operation));
        Assert.All(entries, e => Assert.Equal(cart, e.CiId));
        Assert.Equal(shop, entries[1].OtherCiId);
        Assert.Null(entries[0].OtherCiId);
        Assert.True(entries[0].Entry.Sequence > entries[1].Entry.Sequence);
    }

    [Fact]
    public async Task GetAuditAsync_LimitAndEmptyWindow_Respected()
    {
        var id = (await ApplyAsync(App("shop", "app:shop"))).Results[0].EntityId;
        for (var v = 1; v <= 4; v++)
        {
            Tick();
            await ApplyAsync(new UpdateCi(id, v, new CiFields { Owner = $"team-{v}" }));
        }

        var two = await Store.GetAuditAsync([id], Start, Tick(), 2, CancellationToken.None);
        var none = await Store.GetAuditAsync([id], Start.AddDays(-2), Start.AddDays(-1), 10, CancellationToken.None);

        Assert.Equal(2, two.Count);
        Assert.True(two[0].Entry.Sequence > two[1].Entry.Sequence);
        Assert.Contains(two[0].Entry.Changes, c => c.After?.ToString() == "team-4");
        Assert.Empty(none);
    }
}
