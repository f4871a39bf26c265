using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.Domain.Storage;
using Xunit;

namespace Cmdb.Storage.Tests.Contract;

public abstract partial class CmdbStoreContractTests
{
    [Fact]
    public async Task ApplyAsync_RelationshipToCiCreatedEarlierInBatch_ResolvesByIdentifier()
    {
        var result = await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"),
            Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"));

        var rel = await Store.GetRelationshipAsync(result.Results[2].EntityId, CancellationToken.None);
        Assert.NotNull(rel);
        Assert.Equal(result.Results[0].EntityId, rel.SourceId);
        Assert.Equal(result.Results[1].EntityId, rel.TargetId);
        Assert.Equal("user:alice", rel.CreatedBy);
        Assert.Null(rel.ValidTo);
    }

    [Fact]
    public async Task ApplyAsync_SameRelationshipTwice_UnchangedThenUpdatedWhenAttributesDiffer()
    {
        var created = await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"),
            Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"));
        var relId = created.Results[2].EntityId;

        var same = await ApplyAsync(Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"));
        var withPort = await ApplyAsync(Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart") with { Attributes = new JsonObject { ["port"] = 443 } });

        Assert.Equal(new OperationResult(WriteOutcome.Unchanged, relId, 0), same.Results[0]);
        Assert.Equal(new OperationResult(WriteOutcome.Updated, relId, 0), withPort.Results[0]);
        var rels = await Store.GetRelationshipsAsync([created.Results[0].EntityId], Direction.Outgoing, null, null, CancellationToken.None);
        Assert.Equal(443, Assert.Single(rels[created.Results[0].EntityId]).Attributes["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetRelationshipsAsync_AsOfBeforeAttributeChange_ShowsTheOldAttributes()
    {
        var port = (int p) => Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart") with { Attributes = new JsonObject { ["port"] = p } };
        var shop = (await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"), port(80))).Results[0].EntityId;
        var at80 = Tick();
        Tick();
        await ApplyAsync(port(443));
        var at443 = Tick();
        Tick();
        await ApplyAsync(port(8443));

        async Task<int> PortAsync(DateTimeOffset? asOf) =>
            Assert.Single((await Store.GetRelationshipsAsync([shop], Direction.Outgoing, null, asOf, CancellationToken.None))[shop])
                .Attributes["port"]!.GetValue<int>();

        Assert.Equal(80, await PortAsync(at80));
        Assert.Equal(443, await PortAsync(at443));
        Assert.Equal(8443, await PortAsync(null));
    }

    [Fact]
    public async Task ApplyAsync_RemoveRelationship_GoneNowButReadableAsOfBefore()
    {
        var created = await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"),
            Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"));
        var (shop, relId) = (created.Results[0].EntityId, created.Results[2].EntityId);
        var whileLinked = Tick();
        Tick();

        var removed = await ApplyAsync(new RemoveRelationship(relId));

        Assert.Equal(WriteOutcome.Removed, removed.Results[0].Outcome);
        var now = await Store.GetRelationshipsAsync([shop], Direction.Both, null, null, CancellationToken.None);
        Assert.Empty(now[shop]);
        var then = await Store.GetRelationshipsAsync([shop], Direction.Both, null, whileLinked, CancellationToken.None);
        Assert.Equal(relId, Assert.Single(then[shop]).Id);
        var rel = await Store.GetRelationshipAsync(relId, CancellationToken.None);
        Assert.Equal(removed.CommittedAt, rel!.ValidTo);
        var graph = await Store.GetGraphAsync([shop], CancellationToken.None);
        Assert.True(graph.TryGetNode(shop, out var node));
        Assert.Equal(0, CountAlive(graph, node, graph.Commits.Latest));
        Assert.Equal(1, CountAlive(graph, node, graph.Commits.SeqAt(whileLinked)));
    }

    [Fact]
    public async Task ApplyAsync_RemoveUnknownOrRemovedRelationship_NotFound()
    {
        var created = await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"),
            Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"));
        await ApplyAsync(new RemoveRelationship(created.Results[2].EntityId));

        await FailsAsync(ErrorCode.NotFound, new RemoveRelationship(created.Results[2].EntityId));
        await FailsAsync(ErrorCode.NotFound, new RemoveRelationship("999999"));
        await FailsAsync(ErrorCode.NotFound, new RemoveRelationship("not-an-id"));
    }

    [Fact]
    public async Task GetRelationshipsAsync_ByDirectionAndType_ReturnsMatchingOnly()
    {
        var r = await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"), Server("web-01", serial: "S-1"),
            Relate(WellKnown.RelationshipTypes.DependsOn, "app:shop", "app:cart"),
            Relate(WellKnown.RelationshipTypes.RunsOn, "app:shop", "S-1", targetScheme: WellKnown.Identifiers.Serial));
        var (shop, cart) = (r.Results[0].EntityId, r.Results[1].EntityId);

        var outgoing = await Store.GetRelationshipsAsync([shop, cart], Direction.Outgoing, null, null, CancellationToken.None);
        var incoming = await Store.GetRelationshipsAsync([shop, cart], Direction.Incoming, null, null, CancellationToken.None);
        var runsOn = await Store.GetRelationshipsAsync([shop], Direction.Both, [WellKnown.RelationshipTypes.RunsOn], null, CancellationToken.None);

        Assert.Equal(2, outgoing[shop].Count);
        Assert.Empty(outgoing[cart]);
        Assert.Empty(incoming[shop]);
        Assert.Single(incoming[cart]);
        Assert.Equal(WellKnown.RelationshipTypes.RunsOn, Assert.Single(runsOn[shop]).Type);
    }

    private static int CountAlive(Domain.Graph.GraphIndex graph, int node, int seq)
    {
        var n = 0;
        foreach (var e in graph.OutEdges(node))
        {
            if (graph.IsAlive(e, seq)) n++;
        }

        return n;
    }
}
