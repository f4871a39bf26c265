using System.Text.Json.Nodes;
using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite.Changes;
using Cmdb.Storage.Tests.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Changes;

public sealed class SqliteChangeStoreTests : SideStoreTests
{
    private SqliteChangeStore _changes = null!;
    private string _db = "";
    private string _app = "";

    protected override async Task SeedAsync()
    {
        var ids = await UpsertAsync(
            new UpsertCi(null, WellKnown.Classes.Database, new CiFields { Name = "db", Attributes = new JsonObject { ["engine"] = "postgres" } }),
            new UpsertCi(null, WellKnown.Classes.Application, new CiFields { Name = "app" }));
        (_db, _app) = (ids[0], ids[1]);
        _changes = Own(new SqliteChangeStore(Options, Cmdb, Time));
    }

    private ChangeSpec Spec(params string[] targets) => new(
        "Patch", "why", ChangeType.Normal, Time.GetUtcNow().AddDays(1), Time.GetUtcNow().AddDays(1).AddHours(2), targets, "bob", "undo", "tested", null,
        [new TopologyEdit(TopologyEditKind.RetireCi, CiId: _db)]);

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsEveryFieldAndAudits()
    {
        var created = await _changes.CreateAsync(Spec(_db, _app), Alice, CancellationToken.None);

        var read = await _changes.GetAsync(created.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(created with { Spec = read.Spec }, read);
        Assert.Equal([_db, _app], read.Spec.TargetCiIds);
        Assert.Equal(TopologyEditKind.RetireCi, Assert.Single(read.Spec.TopologyEdits).Kind);
        Assert.Equal(("Patch", "undo", ChangeState.Draft, 1L), (read.Spec.Title, read.Spec.RollbackPlan, read.State, read.Version));
        Assert.Equal("user:alice|create", Scalar("SELECT group_concat(actor || '|' || operation) FROM change_audit"));
    }

    [Fact]
    public async Task CreateAsync_UnknownCi_WritesNothing()
    {
        var e = await Assert.ThrowsAsync<CmdbException>(() => _changes.CreateAsync(Spec(_db, "ghost"), Alice, CancellationToken.None));

        Assert.Equal(ErrorCode.NotFound, e.Code);
        Assert.Contains("'ghost'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT (SELECT count(*) FROM change_record) + (SELECT count(*) FROM change_target) + (SELECT count(*) FROM change_audit)"));
    }

    [Fact]
    public async Task RecordOutcomeAsync_FromImplementing_StoresOneEntryPerTargetWithItsClass()
    {
        var id = (await _changes.CreateAsync(Spec(_db, _app), Alice, CancellationToken.None)).Id;
        foreach (var s in new[] { ChangeState.Assessed, ChangeState.Approved, ChangeState.Scheduled, ChangeState.Implementing })
            await _changes.TransitionAsync(id, s, null, Alice, CancellationToken.None);

        var ended = await _changes.RecordOutcomeAsync(id, ChangeOutcome.RolledBack, "reverted", Alice, CancellationToken.None);
        var byCi = await _changes.GetOutcomesAsync([_db], [], DateTimeOffset.MinValue, CancellationToken.None);
        var byClass = await _changes.GetOutcomesAsync([], [WellKnown.Classes.Application], DateTimeOffset.MinValue, CancellationToken.None);

        Assert.Equal((ChangeState.RolledBack, ChangeOutcome.RolledBack, 6L), (ended.State, ended.Outcome, ended.Version));
        Assert.Equal((_db, WellKnown.Classes.Database, ChangeOutcome.RolledBack), (Assert.Single(byCi).CiId, byCi[0].ClassName, byCi[0].Outcome));
        Assert.Equal(_app, Assert.Single(byClass).CiId);
        Assert.Empty(await _changes.GetOutcomesAsync([_db], [], Time.GetUtcNow().AddSeconds(1), CancellationToken.None));
    }

    [Fact]
    public async Task RecordOutcomeAsync_BeforeImplementing_IsAConflictAndWritesNothing()
    {
        var id = (await _changes.CreateAsync(Spec(_db), Alice, CancellationToken.None)).Id;

        var e = await Assert.ThrowsAsync<CmdbException>(() => _changes.RecordOutcomeAsync(id, ChangeOutcome.Completed, null, Alice, CancellationToken.None));

        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Equal(0L, Scalar("SELECT count(*) FROM change_outcome"));
        Assert.Equal(ChangeState.Draft, (await _changes.GetAsync(id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task UpdateAsync_AfterApproval_IsRefused()
    {
        var id = (await _changes.CreateAsync(Spec(_db), Alice, CancellationToken.None)).Id;
        await _changes.TransitionAsync(id, ChangeState.Assessed, 1, Alice, CancellationToken.None);
        await _changes.TransitionAsync(id, ChangeState.Approved, 2, Alice, CancellationToken.None);

        var e = await Assert.ThrowsAsync<CmdbException>(() => _changes.UpdateAsync(id, 3, Spec(_app), Alice, CancellationToken.None));

        Assert.Equal(ErrorCode.Conflict, e.Code);
        Assert.Contains("only DRAFT or ASSESSED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ReturnsOverlappingWindowsInStateFilter()
    {
        var a = await _changes.CreateAsync(Spec(_db), Alice, CancellationToken.None);
        var b = await _changes.CreateAsync(Spec(_app) with { PlannedStart = Time.GetUtcNow().AddDays(5), PlannedEnd = Time.GetUtcNow().AddDays(6) },
            Alice, CancellationToken.None);
        await _changes.TransitionAsync(b.Id, ChangeState.Assessed, null, Alice, CancellationToken.None);
        var now = Time.GetUtcNow();

        Assert.Equal([a.Id, b.Id], (await _changes.ListAsync(now, now.AddDays(10), null, CancellationToken.None)).Select(c => c.Id));
        Assert.Equal([a.Id], (await _changes.ListAsync(now, now.AddDays(2), null, CancellationToken.None)).Select(c => c.Id));
        Assert.Equal([b.Id], (await _changes.ListAsync(now, now.AddDays(10), [ChangeState.Assessed], CancellationToken.None)).Select(c => c.Id));
        await Assert.ThrowsAsync<CmdbException>(() => _changes.ListAsync(now, now, null, CancellationToken.None));
    }
}
