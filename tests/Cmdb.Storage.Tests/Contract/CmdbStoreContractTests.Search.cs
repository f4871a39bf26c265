using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    private async Task SeedSearchEstateAsync() => await ApplyAsync(
        App("payments api", "app:payments"),
        App("orders db client", "app:orders", new JsonObject { ["note"] = "talks to payments" }),
        App("web frontend", "app:web", tags: ["edge"]));

    [Fact]
    public async Task SearchAsync_WordInNameAndInAttribute_RanksNameMatchFirst()
    {
        await SeedSearchEstateAsync();

        var hits = await Store.SearchAsync("payments", 10, CancellationToken.None);

        Assert.Equal(["payments api", "orders db client"], hits.Select(h => h.Ci.Name));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public async Task SearchAsync_PrefixesOfSeveralWords_AllMustMatch()
    {
        await SeedSearchEstateAsync();

        Assert.Equal(["web frontend"], (await Store.SearchAsync("fro WE", 10, CancellationToken.None)).Select(h => h.Ci.Name));
        Assert.Equal(["web frontend"], (await Store.SearchAsync("edge", 10, CancellationToken.None)).Select(h => h.Ci.Name));
        Assert.Equal(["orders db client"], (await Store.SearchAsync("app:orders", 10, CancellationToken.None)).Select(h => h.Ci.Name));
    }

    [Theory]
    [InlineData("\"payments\" OR web*", new string[0])]
    [InlineData("NEAR(payments web)", new string[0])]
    [InlineData("payments AND NOT orders", new string[0])]
    [InlineData("name:orders", new string[0])]
    [InlineData("-payments api", new[] { "payments api" })]
    [InlineData("\"payments", new[] { "payments api", "orders db client" })]
    [InlineData("web)", new[] { "web frontend" })]
    [InlineData("*", new string[0])]
    [InlineData("^\"", new string[0])]
    [InlineData("'; DROP TABLE ci; --", new string[0])]
    public async Task SearchAsync_QuerySyntax_IsTreatedAsPlainWords(string text, string[] expected)
    {
        await SeedSearchEstateAsync();

        var hits = await Store.SearchAsync(text, 10, CancellationToken.None);

        Assert.Equal(expected.Order(StringComparer.Ordinal), hits.Select(h => h.Ci.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, await TotalCisAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task SearchAsync_EmptyText_ValidationError(string text)
    {
        var e = await Assert.ThrowsAsync<CmdbException>(() => Store.SearchAsync(text, 10, CancellationToken.None));

        Assert.Equal(ErrorCode.Validation, e.Code);
    }

    [Fact]
    public async Task SearchAsync_HugeText_ValidationError()
    {
        var e = await Assert.ThrowsAsync<CmdbException>(() => Store.SearchAsync(new string('a', 10 * 1024 * 1024), 10, CancellationToken.None));

        Assert.Equal(ErrorCode.Validation, e.Code);
    }
}
