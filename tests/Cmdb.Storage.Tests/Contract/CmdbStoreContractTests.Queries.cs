using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task QueryCisAsync_FilterBySuperclass_ReturnsSubclasses()
    {
        await ApplyAsync(Server("web-01", serial: "S-1"), App("shop", "app:shop"),
            new UpsertCi(null, WellKnown.Classes.VirtualMachine, new CiFields { Name = "vm-1", Identifiers = new Dictionary<string, string> { ["vm.uuid"] = "u-1" } }));

        var page = await Store.QueryCisAsync(new CiFilter { Classes = [WellKnown.Classes.Computer] }, 10, null, null, CancellationToken.None);

        Assert.Equal(2, page.TotalCount);
        Assert.Equal(["vm-1", "web-01"], page.Items.Select(i => i.Node.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QueryCisAsync_PagingWithCursors_VisitsEachOnceWithExactTotal()
    {
        for (var i = 0; i < 7; i++) await ApplyAsync(App($"app-{i}", $"app:{i}"));
        await ApplyAsync(Server("web-01", serial: "S-1"));
        var filter = new CiFilter { Classes = [WellKnown.Classes.Application] };
        var seen = new List<string>();
        string? after = null;
        var pages = 0;

        do
        {
            var page = await Store.QueryCisAsync(filter, 3, after, null, CancellationToken.None);
            Assert.Equal(7, page.TotalCount);
            seen.AddRange(page.Items.Select(i => i.Node.Id));
            after = page.HasNextPage ? page.EndCursor : null;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task QueryCisAsync_FieldTagAndAttributeFilters_MatchExactly()
    {
        await ApplyAsync(
            App("a", "app:a", new JsonObject { ["public"] = true, ["port"] = 8080, ["lang"] = "go" }, ["pci", "web"]),
            App("b", "app:b", new JsonObject { ["public"] = false, ["port"] = 80 }, ["web"]),
            new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = "c", Owner = "team-c", Status = CiStatus.Planned, Criticality = 1 }));

        async Task<string[]> NamesAsync(CiFilter f) =>
            (await Store.QueryCisAsync(f, 10, null, null, CancellationToken.None)).Items.Select(i => i.Node.Name).ToArray();

        Assert.Equal(["a"], await NamesAsync(new CiFilter { Tags = ["web", "pci"] }));
        Assert.Equal(["a"], await NamesAsync(new CiFilter { AttributeEquals = new Dictionary<string, string> { ["public"] = "true" } }));
        Assert.Equal(["b"], await NamesAsync(new CiFilter { AttributeEquals = new Dictionary<string, string> { ["port"] = "80" } }));
        Assert.Equal(["a"], await NamesAsync(new CiFilter { AttributeEquals = new Dictionary<string, string> { ["lang"] = "go" } }));
        Assert.Equal(["c"], await NamesAsync(new CiFilter { Owner = "team-c", Statuses = [CiStatus.Planned], Criticalities = [1] }));
        Assert.Empty(await NamesAsync(new CiFilter { Owner = "nobody" }));
    }

    [Fact]
    public async Task QueryCisAsync_FiltersAsOfPastMoment_UseTheStateThen()
    {
        var id = (await ApplyAsync(App("a", "app:a", new JsonObject { ["tier"] = "gold" }, ["web"]) with
        {
            Fields = new CiFields
            {
                Name = "a", Environment = "staging", Criticality = 2, Tags = ["web"],
                Attributes = new JsonObject { ["tier"] = "gold" }, Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = "app:a" },
            },
        })).Results[0].EntityId;
        var then = Tick();
        Tick();
        await ApplyAsync(new UpdateCi(id, 1, new CiFields { Environment = "production", Criticality = 1, Tags = ["api"], Attributes = new JsonObject { ["tier"] = "silver" } }));
        var past = new CiFilter
        {
            Classes = [WellKnown.Classes.Application], Environments = ["staging"], Criticalities = [2], Tags = ["web"],
            AttributeEquals = new Dictionary<string, string> { ["tier"] = "gold" }, Statuses = [CiStatus.Active],
        };

        var thenPage = await Store.QueryCisAsync(past, 10, null, then, CancellationToken.None);
        var nowPage = await Store.QueryCisAsync(past, 10, null, null, CancellationToken.None);

        Assert.Equal(1, thenPage.TotalCount);
        Assert.Equal("staging", Assert.Single(thenPage.Items).Node.Environment);
        Assert.Equal(0, nowPage.TotalCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task ReadsWithPageSizeOutOfRange_ValidationError(int first)
    {
        var e1 = await Assert.ThrowsAsync<CmdbException>(() => Store.QueryCisAsync(CiFilter.None, first, null, null, CancellationToken.None));
        var e2 = await Assert.ThrowsAsync<CmdbException>(() => Store.SearchAsync("web", first, CancellationToken.None));
        var e3 = await Assert.ThrowsAsync<CmdbException>(() => Store.GetHistoryAsync("x", first, null, CancellationToken.None));

        Assert.All([e1, e2, e3], e => Assert.Equal(ErrorCode.Validation, e.Code));
        Assert.Contains("first", e1.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("!!!")]
    [InlineData("")]
    public async Task QueryCisAsync_ForeignCursor_ValidationError(string after)
    {
        var e = await Assert.ThrowsAsync<CmdbException>(() => Store.QueryCisAsync(CiFilter.None, 5, after, null, CancellationToken.None));

        Assert.Equal(ErrorCode.Validation, e.Code);
    }

    [Fact]
    public async Task QueryCisAsync_UnknownClassOrBadAttributeName_Refused()
    {
        var e1 = await Assert.ThrowsAsync<CmdbException>(() =>
            Store.QueryCisAsync(new CiFilter { Classes = ["Toaster"] }, 5, null, null, CancellationToken.None));
        var e2 = await Assert.ThrowsAsync<CmdbException>(() =>
            Store.QueryCisAsync(new CiFilter { AttributeEquals = new Dictionary<string, string> { ["a\"') OR 1=1 --"] = "x" } }, 5, null, null, CancellationToken.None));

        Assert.Equal(ErrorCode.ModelViolation, e1.Code);
        Assert.Equal(ErrorCode.Validation, e2.Code);
    }
}
