using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task ApplyAsync_ManyWritersAtOnce_EachBatchCommitsWhole()
    {
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
            ApplyAsync(Enumerable.Range(0, 5).Select(i => (WriteOperation)App($"app-{w}-{i}", $"app:{w}:{i}")).ToArray())));

        var results = await Task.WhenAll(writers);

        Assert.All(results, r => Assert.All(r.Results, o => Assert.Equal(WriteOutcome.Created, o.Outcome)));
        Assert.Equal(40, await TotalCisAsync());
        var graph = await Store.GetGraphAsync([], CancellationToken.None);
        Assert.Equal(40, graph.NodeCount);
        Assert.Equal(8, graph.Commits.Latest);
    }

    [Fact]
    public async Task Reads_WhileWriting_NeverFailAndNeverGoBackwards()
    {
        using var done = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++) await ApplyAsync(App($"app-{i}", $"app:{i}"), App($"db-{i}", $"db:{i}"));
            await done.CancelAsync();
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var last = 0;
            while (!done.IsCancellationRequested)
            {
                var total = await TotalCisAsync();
                Assert.True(total >= last, $"count went from {last} to {total}");
                Assert.Equal(0, total % 2); // a batch is seen whole or not at all
                last = total;
                await Store.SearchAsync("app", 5, CancellationToken.None);
            }
        })).ToArray();

        await writer;
        await Task.WhenAll(readers);

        Assert.Equal(40, await TotalCisAsync());
    }

    [Fact]
    public async Task ApplyAsync_Cancelled_WritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store.ApplyAsync(WriteBatch.Of(App("shop", "app:shop")), Alice, cancelled.Token));

        Assert.Equal(0, await TotalCisAsync());
    }

    [Fact]
    public async Task ApplyAsync_IdentifierMovesBetweenCisInOneBatch_Succeeds()
    {
        var a = (await ApplyAsync(Server("a", serial: "S-1", fqdn: "svc.example.com"))).Results[0].EntityId;
        var b = (await ApplyAsync(Server("b", serial: "S-2"))).Results[0].EntityId;
        static UpdateCi SetFqdn(string id, string fqdn) => new(id, 1, new CiFields
        {
            Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.Fqdn] = fqdn },
        });

        await ApplyAsync(SetFqdn(a, "a.example.com"), SetFqdn(b, "svc.example.com"));

        Assert.Equal(b, (await Store.FindByIdentifierAsync(WellKnown.Identifiers.Fqdn, "svc.example.com", null, CancellationToken.None))?.Id);
        Assert.Equal(a, (await Store.FindByIdentifierAsync(WellKnown.Identifiers.Fqdn, "a.example.com", null, CancellationToken.None))?.Id);
        Assert.Equal(b, (await ApplyAsync(Server("b", fqdn: "svc.example.com"))).Results[0].EntityId);
    }

    [Fact]
    public async Task ApplyAsync_SameCiTwiceInOneBatch_EndsAtTheLastVersion()
    {
        var id = (await ApplyAsync(App("shop", "app:shop"))).Results[0].EntityId;
        var before = Tick();
        Tick();

        var result = await ApplyAsync(new UpdateCi(id, 1, new CiFields { Owner = "x" }), new UpdateCi(id, 2, new CiFields { Owner = "y" }));

        Assert.Equal([2L, 3L], result.Results.Select(r => r.Version));
        Assert.Equal("y", (await GetAsync(id)).Owner);
        Assert.Equal("y", (await GetAsync(id, result.CommittedAt)).Owner);
        Assert.Null((await GetAsync(id, before)).Owner);
    }

    [Fact]
    public async Task ApplyAsync_UpsertByIdWithAnotherClass_ModelViolation()
    {
        var id = (await ApplyAsync(App("shop", "app:shop"))).Results[0].EntityId;

        await FailsAsync(Domain.Errors.ErrorCode.ModelViolation, new UpsertCi(id, WellKnown.Classes.Database, new CiFields { Name = "shop" }));
    }
}
