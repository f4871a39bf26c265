using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Sqlite;

/// <summary>
/// A large re-import is decided in memory: CIs matched by identifier through index nodes, their digests computed
/// partly on a second thread, relationships found by node. The answers must be those of the ordinary path, in order,
/// whichever thread computed what, and every refusal must keep its error and path.
/// </summary>
public sealed class SqliteBulkUnchangedTests : SqliteFileTests
{
    private const int Cis = 3000;
    private static readonly string[] Tables = ["txn", "ci", "ci_version", "identifier", "relationship", "audit"];

    [Fact]
    public async Task ApplyAsync_BigReimportAfterRestart_AllUnchangedInOrderAndWritesNothing()
    {
        var (ids, relationshipIds) = await SeedAsync();
        await using var store = await OpenAsync();
        var before = Counts();

        var cis = await ApplyAsync(store, Enumerable.Range(0, Cis).Select(App));
        var relationships = await ApplyAsync(store, Enumerable.Range(1, Cis - 1).Select(Depends));

        Assert.All(cis.Results, r => Assert.Equal(WriteOutcome.Unchanged, r.Outcome));
        Assert.Equal(ids, cis.Results.Select(r => r.EntityId));
        Assert.All(cis.Results, r => Assert.Equal(1, r.Version));
        Assert.Equal(Cis, store.UnchangedInMemory);
        Assert.All(relationships.Results, r => Assert.Equal(WriteOutcome.Unchanged, r.Outcome));
        Assert.Equal(relationshipIds, relationships.Results.Select(r => r.EntityId));
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task ApplyAsync_BigReimportWithChangesAtBothEnds_UpdatesExactlyThoseWithAudit()
    {
        var (ids, _) = await SeedAsync();
        await using var store = await OpenAsync();
        var ops = Enumerable.Range(0, Cis).Select(App).ToList();
        int[] changed = [0, 1, Cis / 2, Cis - 2, Cis - 1];
        foreach (var i in changed) ops[i] = ops[i] with { Fields = ops[i].Fields with { Owner = $"new-owner-{i}" } };
        var audits = Counts()["audit"];

        var result = await store.ApplyAsync(new WriteBatch([.. ops]), Actor.System, CancellationToken.None);

        for (var i = 0; i < Cis; i++)
        {
            var expected = changed.Contains(i) ? (WriteOutcome.Updated, 2L) : (WriteOutcome.Unchanged, 1L);
            Assert.Equal(expected, (result.Results[i].Outcome, result.Results[i].Version));
            Assert.Equal(ids[i], result.Results[i].EntityId);
        }

        Assert.Equal(audits + changed.Length, Counts()["audit"]);
        Assert.Equal($"new-owner-{Cis - 2}", (await store.GetCisAsync([ids[Cis - 2]], null, CancellationToken.None))[ids[Cis - 2]].Owner);
    }

    [Fact]
    public async Task ApplyAsync_BigReimportWithAFieldOnlyValidationSees_IsRefusedWithItsPath()
    {
        await SeedAsync();
        await using var store = await OpenAsync();
        var before = Counts();
        var ops = Enumerable.Range(0, Cis).Select(App).ToList();
        // A null attribute is left out of the digest, so the digest still matches: only validation refuses the name.
        var bad = App(Cis - 10);
        var attributes = (JsonObject)bad.Fields.Attributes!.DeepClone();
        attributes["not a name"] = null;
        ops[Cis - 10] = bad with { Fields = bad.Fields with { Attributes = attributes } };

        var e = await Assert.ThrowsAsync<CmdbException>(() => store.ApplyAsync(new WriteBatch([.. ops]), Actor.System, CancellationToken.None));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal($"cis[{Cis - 10}].attributes", e.Path);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task ApplyAsync_RelationshipRemovedThenUpsertedInOneBatch_IsCreatedAgain()
    {
        var (_, relationshipIds) = await SeedAsync();
        await using var store = await OpenAsync();
        List<WriteOperation> ops = [new RemoveRelationship(relationshipIds[4]), Depends(5), Depends(6)];

        var result = await store.ApplyAsync(new WriteBatch(ops), Actor.System, CancellationToken.None);

        Assert.Equal([WriteOutcome.Removed, WriteOutcome.Created, WriteOutcome.Unchanged], result.Results.Select(r => r.Outcome));
        Assert.NotEqual(relationshipIds[4], result.Results[1].EntityId);
        Assert.Equal(relationshipIds[5], result.Results[2].EntityId);
    }

    [Fact]
    public async Task ApplyAsync_RelationshipReferenceErrors_KeepTheirCodesAndPaths()
    {
        await SeedAsync();
        await using var store = await OpenAsync();

        var unknown = await Assert.ThrowsAsync<CmdbException>(() => ApplyAsync(store,
            [Depends(1), new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn, Key(1), Key(Cis + 5), null) { Path = "relationships[1]" }]));
        var disallowed = await Assert.ThrowsAsync<CmdbException>(() => ApplyAsync(store,
            [new UpsertRelationship(WellKnown.RelationshipTypes.RunsOn, Key(1), Key(2), null) { Path = "relationships[0]" }]));
        var badScheme = await Assert.ThrowsAsync<CmdbException>(() => ApplyAsync(store,
            [new UpsertRelationship(WellKnown.RelationshipTypes.DependsOn, Key(1), CiRef.ByIdentifier("Bad Scheme", "x"), null) { Path = "relationships[0]" }]));

        Assert.Equal((ErrorCode.NotFound, "relationships[1].target"), (unknown.Code, unknown.Path));
        Assert.Equal((ErrorCode.ModelViolation, "relationships[0]"), (disallowed.Code, disallowed.Path));
        Assert.Equal((ErrorCode.Validation, "relationships[0].target"), (badScheme.Code, badScheme.Path));
    }

    [Fact]
    public async Task ApplyAsync_CiAndRelationshipWrittenEarlierInTheBatch_AreSeenByLaterSteps()
    {
        await SeedAsync();
        await using var store = await OpenAsync();
        // Identifiers and relationships this batch wrote are not in the committed map yet: later steps must see them.
        List<WriteOperation> ops = [App(Cis), App(Cis), Depends(Cis), Depends(Cis), Depends(5)];

        var result = await ApplyAsync(store, ops);

        Assert.Equal(
            [WriteOutcome.Created, WriteOutcome.Unchanged, WriteOutcome.Created, WriteOutcome.Unchanged, WriteOutcome.Unchanged],
            result.Results.Select(r => r.Outcome));
        Assert.Equal(result.Results[0].EntityId, result.Results[1].EntityId);
        Assert.Equal(result.Results[2].EntityId, result.Results[3].EntityId);
    }

    /// <summary>Creates the estate (a chain of DEPENDS_ON) in one store; returns the CI ids and relationship ids in order.</summary>
    private async Task<(List<string> Ids, List<string> RelationshipIds)> SeedAsync()
    {
        await using var store = await OpenAsync();
        var cis = await ApplyAsync(store, Enumerable.Range(0, Cis).Select(App));
        var relationships = await ApplyAsync(store, Enumerable.Range(1, Cis - 1).Select(Depends));
        return ([.. cis.Results.Select(r => r.EntityId)], [.. relationships.Results.Select(r => r.EntityId)]);
    }

    private static Task<WriteResult> ApplyAsync(SqliteCmdbStore store, IEnumerable<WriteOperation> operations) =>
        store.ApplyAsync(new WriteBatch([.. operations]), Actor.System, CancellationToken.None);

    private static UpsertCi App(int i) => new(null, WellKnown.Classes.Application, new CiFields
    {
        Name = $"application-{i:D5}",
        Owner = $"team-{i % 7}",
        Tags = [$"tag-{i % 3}", "shared"],
        Attributes = new JsonObject { ["tier"] = i % 5, ["note"] = $"value-{i}" },
        Identifiers = new Dictionary<string, string> { [WellKnown.Identifiers.CmdbKey] = $"key-{i}" },
    })
    { Path = $"cis[{i}]" };

    private static CiRef Key(int i) => CiRef.ByIdentifier(WellKnown.Identifiers.CmdbKey, $"key-{i}");

    private static UpsertRelationship Depends(int i) =>
        new(WellKnown.RelationshipTypes.DependsOn, Key(i), Key(i - 1), null) { Path = $"relationships[{i}]" };

    private Dictionary<string, long> Counts() => TableRows.Count(Database.Path, Tables);
}
