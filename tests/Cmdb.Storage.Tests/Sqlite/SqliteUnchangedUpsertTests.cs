using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// The in-memory fingerprints that let a re-import skip unchanged CIs without reading the file: they must answer
/// exactly as the stored CI would, after every kind of change, after a restart and after a failed batch.
/// </summary>
public sealed class SqliteUnchangedUpsertTests : SqliteFileTests
{
    private static readonly Actor Other = new(ActorKind.System, "another-source");

    [Fact]
    public async Task ApplyAsync_SameFieldsAgainByAnotherActor_UnchangedFromMemoryAndWritesNothing()
    {
        await using var store = await OpenAsync();
        var id = (await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1", tags: ["b", "a"], attributes: new JsonObject { ["cpu"] = 4, ["os"] = "linux" }))).Results[0].EntityId;
        var commits = Count("txn");

        // The first repeat reads the new CI from the file and keeps its digest; the second is decided in memory.
        var first = await ApplyAsync(store, Other, Vm("vm-1", "uuid-1", tags: ["a", "b", "a"], attributes: new JsonObject { ["os"] = "linux", ["cpu"] = 4 }));
        var again = await ApplyAsync(store, Other, Vm("vm-1", "uuid-1", tags: ["a", "b", "a"], attributes: new JsonObject { ["os"] = "linux", ["cpu"] = 4 }));

        Assert.Equal(WriteOutcome.Unchanged, first.Results[0].Outcome);
        Assert.Equal(WriteOutcome.Unchanged, again.Results[0].Outcome);
        Assert.Equal(id, again.Results[0].EntityId);
        Assert.Equal(1, again.Results[0].Version);
        Assert.Equal(1, store.UnchangedInMemory);
        Assert.Equal(commits, Count("txn"));
        Assert.Single((await store.GetHistoryAsync(id, 10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task ApplyAsync_AfterUpdateAndRetireThroughOtherOperations_AnswersFromTheNewState()
    {
        await using var store = await OpenAsync();
        var id = (await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1"))).Results[0].EntityId;
        await ApplyAsync(store, Actor.System, new UpdateCi(id, 1, new CiFields { Name = "renamed" }));

        var back = await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1"));
        Assert.Equal(WriteOutcome.Updated, back.Results[0].Outcome);
        Assert.Equal(3, back.Results[0].Version);
        var repeat = await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1")); // an update leaves the new digest behind
        Assert.Equal((WriteOutcome.Unchanged, 3L), (repeat.Results[0].Outcome, repeat.Results[0].Version));
        Assert.Equal(1, store.UnchangedInMemory);

        await ApplyAsync(store, Actor.System, new RetireCi(id, null));
        var silent = await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1")); // no status: a retired CI stays retired
        Assert.Equal(WriteOutcome.Unchanged, silent.Results[0].Outcome);
        var revived = await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1") with { Fields = VmFields("vm-1", "uuid-1") with { Status = CiStatus.Active } });
        Assert.Equal(WriteOutcome.Updated, revived.Results[0].Outcome);
        Assert.Equal(CiStatus.Active, (await store.GetCisAsync([id], null, CancellationToken.None))[id].Status);
    }

    [Fact]
    public async Task ApplyAsync_AfterRestart_FingerprintsComeFromTheFile()
    {
        string id;
        await using (var store = await OpenAsync())
        {
            id = (await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1", attributes: new JsonObject { ["cpu"] = 4 }))).Results[0].EntityId;
            // An attribute added later lands after the first one in the stored text; the fingerprint sorts them.
            await ApplyAsync(store, Actor.System, new UpdateCi(id, 1, new CiFields { Attributes = new JsonObject { ["arch"] = "x86", ["cpu"] = 4 }, Criticality = 2 }));
        }

        await using var reopened = await OpenAsync();
        var current = await ApplyAsync(reopened, Other, Vm("vm-1", "uuid-1", attributes: new JsonObject { ["cpu"] = 4, ["arch"] = "x86" }) with
        {
            Fields = VmFields("vm-1", "uuid-1", attributes: new JsonObject { ["cpu"] = 4, ["arch"] = "x86" }) with { Criticality = 2 },
        });
        Assert.Equal(WriteOutcome.Unchanged, current.Results[0].Outcome);
        Assert.Equal(2, current.Results[0].Version);
        Assert.Equal(1, reopened.UnchangedInMemory);

        var older = await ApplyAsync(reopened, Actor.System, Vm("vm-1", "uuid-1", attributes: new JsonObject { ["cpu"] = 8 }));
        Assert.Equal(WriteOutcome.Updated, older.Results[0].Outcome);
        Assert.Equal(3, older.Results[0].Version);
    }

    [Fact]
    public async Task ApplyAsync_FewerFieldsThanStored_UnchangedThroughTheStoredCi()
    {
        await using var store = await OpenAsync();
        await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1", attributes: new JsonObject { ["cpu"] = 4, ["os"] = "linux" }));

        var subset = await ApplyAsync(store, Other, Vm("vm-1", "uuid-1", attributes: new JsonObject { ["cpu"] = 4, ["gone"] = null }));

        Assert.Equal(WriteOutcome.Unchanged, subset.Results[0].Outcome);
        Assert.Equal(0, store.UnchangedInMemory); // decided by reading the stored CI, with the same answer
    }

    [Fact]
    public async Task ApplyAsync_BatchFailsMidway_FingerprintsAndIdentifiersKeepTheCommittedState()
    {
        await using var store = await OpenAsync();
        await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1"));
        var commits = Count("txn");

        var failed = await Assert.ThrowsAsync<CmdbException>(() => ApplyAsync(store, Actor.System,
            Vm("vm-1 renamed", "uuid-1"), Vm("vm-2", "uuid-2"), Vm("vm-3", "uuid-3") with { Fields = VmFields("vm-3", "uuid-3") with { Criticality = 9 } }));

        Assert.Equal(ErrorCode.Validation, failed.Code);
        Assert.Equal(commits, Count("txn"));
        var renamed = await ApplyAsync(store, Actor.System, Vm("vm-1 renamed", "uuid-1"));
        Assert.Equal(WriteOutcome.Updated, renamed.Results[0].Outcome); // the rolled-back rename is not taken as current
        var second = await ApplyAsync(store, Actor.System, Vm("vm-2", "uuid-2"));
        Assert.Equal(WriteOutcome.Created, second.Results[0].Outcome); // nor is the rolled-back CI's identifier
    }

    [Fact]
    public async Task ApplyAsync_ChangeThenOriginalInOneBatch_SecondStepSeesTheFirst()
    {
        await using var store = await OpenAsync();
        await ApplyAsync(store, Actor.System, Vm("vm-1", "uuid-1"));

        var r = await ApplyAsync(store, Actor.System, Vm("vm-1 renamed", "uuid-1"), Vm("vm-1", "uuid-1"));

        Assert.Equal([WriteOutcome.Updated, WriteOutcome.Updated], r.Results.Select(x => x.Outcome));
        Assert.Equal([2L, 3L], r.Results.Select(x => x.Version));
    }

    private static Task<WriteResult> ApplyAsync(SqliteCmdbStore store, Actor actor, params WriteOperation[] operations) =>
        store.ApplyAsync(WriteBatch.Of(operations), actor, CancellationToken.None);

    private static UpsertCi Vm(string name, string uuid, string[]? tags = null, JsonObject? attributes = null) =>
        new(null, WellKnown.Classes.VirtualMachine, VmFields(name, uuid, tags, attributes));

    private static CiFields VmFields(string name, string uuid, string[]? tags = null, JsonObject? attributes = null) => new()
    {
        Name = name,
        Environment = "production",
        Tags = tags,
        Attributes = attributes,
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.VmUuid] = uuid },
    };

    private long Count(string table) => TableRows.Count(Database.Path, [table])[table];
}
