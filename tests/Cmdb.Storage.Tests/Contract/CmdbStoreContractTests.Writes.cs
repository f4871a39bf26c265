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
    public async Task ApplyAsync_NewCi_CreatesItWithVersionOneAndProvenance()
    {
        var result = await ApplyAsync(Server("web-01", serial: "S-1", fqdn: "web-01.example.com"));

        var created = Assert.Single(result.Results);
        Assert.Equal(WriteOutcome.Created, created.Outcome);
        Assert.Equal(1, created.Version);
        var ci = await GetAsync(created.EntityId);
        Assert.Equal("web-01", ci.Name);
        Assert.Equal(WellKnown.Classes.LinuxServer, ci.Class);
        Assert.Equal(CiStatus.Active, ci.Status);
        Assert.Equal("web-01.example.com", ci.Identifiers[WellKnown.Identifiers.Fqdn]);
        Assert.Equal(Start, ci.CreatedAt);
        Assert.Equal("user:alice", ci.Provenance["name"].Source);
        Assert.True(Ulid.IsValid(ci.Id));
    }

    [Fact]
    public async Task ApplyAsync_SameIdentifierTwice_UpdatesInsteadOfDuplicating()
    {
        var first = await ApplyAsync(Server("web-01", fqdn: "web-01.example.com"));
        Tick();

        var second = await ApplyAsync(Server("web-01 renamed", fqdn: "web-01.example.com"));

        Assert.Equal(WriteOutcome.Updated, second.Results[0].Outcome);
        Assert.Equal(first.Results[0].EntityId, second.Results[0].EntityId);
        Assert.Equal(2, second.Results[0].Version);
        Assert.Equal(1, await TotalCisAsync());
        Assert.Equal("web-01 renamed", (await GetAsync(first.Results[0].EntityId)).Name);
    }

    [Fact]
    public async Task ApplyAsync_NothingChanges_ReturnsUnchangedAndRecordsNoCommit()
    {
        var id = (await ApplyAsync(Server("web-01", fqdn: "web-01.example.com"))).Results[0].EntityId;
        var graph = await Store.GetGraphAsync([id], CancellationToken.None);
        var commits = graph.Commits.Latest;

        var again = await ApplyAsync(Server("web-01", fqdn: "web-01.example.com"));

        Assert.Equal(WriteOutcome.Unchanged, again.Results[0].Outcome);
        Assert.Equal(1, again.Results[0].Version);
        Assert.Equal(commits, graph.Commits.Latest);
        Assert.Equal(1, (await Store.GetHistoryAsync(id, 10, null, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task ApplyAsync_UpsertWithUnknownId_NotFound()
    {
        var op = new UpsertCi("01JUNKNOWN0000000000000000", WellKnown.Classes.LinuxServer, new CiFields { Name = "x" });

        var e = await FailsAsync(ErrorCode.NotFound, op);

        Assert.Contains("01JUNKNOWN0000000000000000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_StaleExpectedVersion_ConflictNamingBothVersions()
    {
        var id = (await ApplyAsync(Server("web-01", fqdn: "web-01.example.com"))).Results[0].EntityId;
        await ApplyAsync(new UpdateCi(id, 1, new CiFields { Owner = "team-a" }));

        var e = await FailsAsync(ErrorCode.Conflict, new UpdateCi(id, 1, new CiFields { Owner = "team-b" }));

        Assert.Contains("version 2, not 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("team-a", (await GetAsync(id)).Owner);
    }

    [Fact]
    public async Task ApplyAsync_RetireCi_KeepsRelationshipsAndSecondRetireIsUnchanged()
    {
        var result = await ApplyAsync(App("shop", "app:shop"), Server("web-01", serial: "S-1"),
            Relate(WellKnown.RelationshipTypes.RunsOn, "app:shop", "S-1", targetScheme: WellKnown.Identifiers.Serial));
        var serverId = result.Results[1].EntityId;

        var retired = await ApplyAsync(new RetireCi(serverId, 1));
        var again = await ApplyAsync(new RetireCi(serverId, null));

        Assert.Equal(WriteOutcome.Retired, retired.Results[0].Outcome);
        Assert.Equal(WriteOutcome.Unchanged, again.Results[0].Outcome);
        Assert.Equal(CiStatus.Retired, (await GetAsync(serverId)).Status);
        var rels = await Store.GetRelationshipsAsync([serverId], Domain.Relationships.Direction.Incoming, null, null, CancellationToken.None);
        Assert.Single(rels[serverId]);
    }

    [Fact]
    public async Task ApplyAsync_TenMegabyteValues_RefusedAndNothingWritten()
    {
        var huge = new string('x', 10 * 1024 * 1024);
        await ApplyAsync(App("shop", "app:shop"), App("cart", "app:cart"));
        var before = await TotalCisAsync();

        await FailsAsync(ErrorCode.Validation, Server(huge, serial: "S-9"));
        await FailsAsync(ErrorCode.Validation, Server("ok", serial: huge));
        await FailsAsync(ErrorCode.Validation, App("big", "app:big", new JsonObject { ["blob"] = huge }));
        await FailsAsync(ErrorCode.Validation, new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn,
            CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, "app:shop"), CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, "app:cart"),
            new JsonObject { ["blob"] = huge }));
        await FailsAsync(ErrorCode.Validation, new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn,
            CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, huge), CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, "app:cart"), null));

        Assert.Equal(before, await TotalCisAsync());
        var rels = await Store.GetRelationshipsAsync(
            [(await Store.FindByIdentifierAsync(WellKnown.Identifiers.CmdbKey, "app:shop", null, CancellationToken.None))!.Id],
            Domain.Relationships.Direction.Both, null, null, CancellationToken.None);
        Assert.Empty(rels.Values.Single());
    }
}
