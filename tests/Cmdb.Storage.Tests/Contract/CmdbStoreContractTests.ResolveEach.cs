using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task ResolveEachAsync_MixedKnownUnknownAndRepeated_SameAnswersByPosition()
    {
        var a = (await ApplyAsync(Server("a", serial: "S-1", fqdn: "old.example.com"))).Results[0].EntityId;
        var b = (await ApplyAsync(Server("b", fqdn: "b.example.com"))).Results[0].EntityId;
        await ApplyAsync(Server("a", serial: "S-1", fqdn: "new.example.com"));
        (string, string)[] asked =
        [
            ("serial", "S-1"), (WellKnown.Identifiers.Fqdn, "b.example.com"), (WellKnown.Identifiers.Fqdn, "old.example.com"),
            (WellKnown.Identifiers.Fqdn, "new.example.com"), ("serial", "nobody"), ("serial", "S-1"),
        ];

        var each = await Store.ResolveEachAsync(asked, CancellationToken.None);
        var byIdentifier = await Store.ResolveIdentifiersAsync(asked, CancellationToken.None);

        Assert.Equal($"{a},{b},,{a},,{a}", string.Join(",", each)); // null where nobody holds it
        Assert.Equal(string.Join(",", asked.Select(p => byIdentifier.GetValueOrDefault(p))), string.Join(",", each));
        Assert.Empty(await Store.ResolveEachAsync([], CancellationToken.None));
    }
}
