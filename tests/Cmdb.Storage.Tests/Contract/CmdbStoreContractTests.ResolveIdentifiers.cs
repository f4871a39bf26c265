using Cmdb.Domain.Model;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task ResolveIdentifiersAsync_MixedKnownAndUnknown_ReturnsCurrentHoldersOnly()
    {
        var a = (await ApplyAsync(Server("a", serial: "S-1", fqdn: "old.example.com"))).Results[0].EntityId;
        var b = (await ApplyAsync(Server("b", fqdn: "b.example.com"))).Results[0].EntityId;
        await ApplyAsync(Server("a", serial: "S-1", fqdn: "new.example.com"));

        var found = await Store.ResolveIdentifiersAsync(
            [("serial", "S-1"), (WellKnown.Identifiers.Fqdn, "b.example.com"), (WellKnown.Identifiers.Fqdn, "old.example.com"),
             (WellKnown.Identifiers.Fqdn, "new.example.com"), ("serial", "nobody"), ("serial", "S-1")],
            CancellationToken.None);

        Assert.Equal(3, found.Count);
        Assert.Equal(a, found[("serial", "S-1")]);
        Assert.Equal(a, found[(WellKnown.Identifiers.Fqdn, "new.example.com")]);
        Assert.Equal(b, found[(WellKnown.Identifiers.Fqdn, "b.example.com")]);
    }
}
