using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task GetCisAsync_AsOfPastMoments_ReturnsTheStateThen()
    {
        var beforeAll = Time.GetUtcNow().AddSeconds(-1);
        var id = (await ApplyAsync(Server("web-01", serial: "S-1", fqdn: "old.example.com"))).Results[0].EntityId;
        var afterCreate = Tick();
        Tick();
        await ApplyAsync(new UpdateCi(id, 1, new CiFields
        {
            Name = "web-01b", Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.Fqdn] = "new.example.com" },
        }));

        Assert.Empty(await Store.GetCisAsync([id], beforeAll, CancellationToken.None));
        Assert.Equal("web-01", (await GetAsync(id, afterCreate)).Name);
        Assert.Equal("web-01b", (await GetAsync(id)).Name);
        Assert.Equal(id, (await Store.FindByIdentifierAsync(WellKnown.Identifiers.Fqdn, "old.example.com", afterCreate, CancellationToken.None))?.Id);
        Assert.Null(await Store.FindByIdentifierAsync(WellKnown.Identifiers.Fqdn, "new.example.com", afterCreate, CancellationToken.None));
        var page = await Store.QueryCisAsync(CiFilter.None, 10, null, afterCreate, CancellationToken.None);
        Assert.Equal("web-01", Assert.Single(page.Items).Node.Name);
    }

    [Fact]
    public async Task GetGraphAsync_NodeStates_FollowCommitsAsOf()
    {
        var id = (await ApplyAsync(Server("web-01", serial: "S-1"))).Results[0].EntityId;
        var active = Tick();
        Tick();
        await ApplyAsync(new RetireCi(id, null));

        var graph = await Store.GetGraphAsync([id], CancellationToken.None);

        Assert.True(graph.TryGetNode(id, out var node));
        Assert.True(graph.IsLiveAt(node, graph.Commits.SeqAt(active)));
        Assert.False(graph.IsLiveAt(node, graph.Commits.Latest));
        Assert.Null(graph.StateAt(node, 0));
    }

    [Fact]
    public async Task ApplyAsync_BatchFailingAtLastStep_LeavesEverythingAsItWas()
    {
        var shop = (await ApplyAsync(App("shop", "app:shop"))).Results[0].EntityId;
        var graph = await Store.GetGraphAsync([shop], CancellationToken.None);
        var (nodes, edges, commits) = (graph.NodeCount, graph.EdgeCount, graph.Commits.Latest);
        WriteOperation[] good =
        [
            App("zebra checkout", "app:zebra"),
            new UpdateCi(shop, 1, new CiFields { Name = "shop zebra" }),
            Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:zebra"),
        ];

        await FailsAsync(Domain.Errors.ErrorCode.ModelViolation, [.. good, new UpsertCi(null, "NoSuchClass", new CiFields { Name = "x" })]);

        Assert.Equal(1, await TotalCisAsync());
        Assert.Equal("shop", (await GetAsync(shop)).Name);
        Assert.Equal((nodes, edges, commits), (graph.NodeCount, graph.EdgeCount, graph.Commits.Latest));
        Assert.Null(await Store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, "app:zebra", null, CancellationToken.None));
        Assert.Empty(await Store.SearchAsync("zebra", 10, CancellationToken.None));
        Assert.Equal(1, (await Store.GetHistoryAsync(shop, 10, null, CancellationToken.None)).TotalCount);
        Assert.Empty((await Store.GetRelationshipsAsync([shop], Direction.Both, null, null, CancellationToken.None))[shop]);

        var retry = await ApplyAsync(good);
        Assert.Equal([WriteOutcome.Created, WriteOutcome.Updated, WriteOutcome.Created], retry.Results.Select(r => r.Outcome));
    }

    [Fact]
    public async Task InitializeAsync_Reopen_RebuildsAnIdenticalIndex()
    {
        var r = await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"), Server("web-01", serial: "S-1"),
            Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"),
            Relate(WellKnown.RelationshipTypes.RunsOn, "app:shop", "S-1", targetScheme: WellKnown.Identifiers.Serial));
        Tick();
        await ApplyAsync(new UpdateCi(r.Results[2].EntityId, 1, new CiFields { Environment = "staging", Criticality = 2 }));
        Tick();
        await ApplyAsync(new RemoveRelationship(r.Results[3].EntityId), new RetireCi(r.Results[1].EntityId, null));
        Tick();
        await ApplyAsync(App("late", "app:late"));
        var ids = new[] { r.Results[0].EntityId, r.Results[1].EntityId, r.Results[2].EntityId };
        var before = Describe(await Store.GetGraphAsync(ids, CancellationToken.None));

        await ReopenAsync();

        var after = Describe(await Store.GetGraphAsync(ids, CancellationToken.None));
        Assert.Equal(before, after);
        Assert.Equal("S-1", (await GetAsync(ids[2])).Identifiers[WellKnown.Identifiers.Serial]);
        var again = await ApplyAsync(Server("web-01", serial: "S-1"));
        Assert.Equal(ids[2], again.Results[0].EntityId); // identification survives the restart
    }

    /// <summary>Everything the index knows, keyed by CI id (node numbers may differ between builds).</summary>
    private static List<string> Describe(GraphIndex graph)
    {
        var lines = new List<string> { $"nodes={graph.NodeCount} edges={graph.EdgeCount} latest={graph.Commits.Latest}" };
        for (var seq = 0; seq <= graph.Commits.Latest; seq++)
        {
            lines.Add($"commit {seq} at {(seq == 0 ? "-" : graph.Commits.TimeOf(seq).ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");
            for (var n = 0; n < graph.NodeCount; n++)
            {
                var s = graph.StateAt(n, seq);
                lines.Add($"{graph.CiId(n)}@{seq}: {(s is null ? "-" : $"{s.ClassIndex} {s.Status} {s.EnvironmentIndex} {s.Criticality} {s.MinHealthy}")}");
            }
        }

        for (var e = 0; e < graph.EdgeCount; e++)
        {
            lines.Add($"edge {graph.Key(e)} {graph.CiId(graph.Source(e))}->{graph.CiId(graph.Target(e))} t{graph.TypeIndex(e)} [{graph.ValidFrom(e)},{graph.ValidTo(e)})");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
