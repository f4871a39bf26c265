using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Changes;
using Cmdb.Storage.Tests.Sqlite;
using Xunit;

namespace Cmdb.Storage.Tests.Changes;

/// <summary>Standard-change templates in SQLite, and retention of closed changes.</summary>
public sealed class SqliteChangeTemplateAndRetentionTests : SideStoreTests
{
    private SqliteChangeStore _changes = null!;
    private SqliteChangeTemplateStore _templates = null!;
    private string _db = "";

    protected override async Task SeedAsync()
    {
        _db = (await UpsertAsync(new UpsertCi(null, WellKnown.Classes.Database, new CiFields { Name = "db", Attributes = new System.Text.Json.Nodes.JsonObject { ["engine"] = "postgres" } })))[0];
        _changes = Own(new SqliteChangeStore(Options, Cmdb, Time));
        _templates = Own(new SqliteChangeTemplateStore(Options, Cmdb, Time));
    }

    private ChangeTemplateSpec Template(string name = "pg minor patch", string className = WellKnown.Classes.Database) =>
        new(name, "Routine patch", className, "One node at a time.", RiskLevel.Low, "CAB 2026-02", Time.GetUtcNow().AddDays(180));

    private ChangeSpec Change(int startDay, string? template = null) => new(
        "Patch", null, template is null ? ChangeType.Normal : ChangeType.Standard, Time.GetUtcNow().AddDays(startDay),
        Time.GetUtcNow().AddDays(startDay).AddHours(2), [_db], TemplateRef: template);

    [Fact]
    public async Task Templates_CreateUpdateRetire_RoundTripAndAuditEveryWrite()
    {
        var created = await _templates.CreateTemplateAsync(Template(), Alice, CancellationToken.None);
        var updated = await _templates.UpdateTemplateAsync(created.Id, 1, Template("pg minor patch v2") with { MaxRiskLevel = RiskLevel.Medium }, Alice, CancellationToken.None);
        var retired = await _templates.RetireTemplateAsync(created.Id, 2, Alice, CancellationToken.None);

        Assert.Equal(retired, await _templates.GetTemplateAsync(created.Id, CancellationToken.None));
        Assert.Equal(("pg minor patch v2", RiskLevel.Medium, false, 3L), (retired.Spec.Name, retired.Spec.MaxRiskLevel, retired.Active, retired.Version));
        Assert.Empty(await _templates.ListTemplatesAsync(false, CancellationToken.None));
        Assert.Single(await _templates.ListTemplatesAsync(true, CancellationToken.None));
        Assert.Equal("create,update,retire", Scalar("SELECT group_concat(operation) FROM (SELECT operation FROM change_template_audit ORDER BY id)"));
        Assert.Equal(updated.Spec, retired.Spec);
    }

    [Fact]
    public async Task Templates_InvalidSpecOrStaleVersion_AreRefusedAndWriteNothing()
    {
        var bad = await Assert.ThrowsAsync<CmdbException>(() => _templates.CreateTemplateAsync(Template(className: "Mainframe"), Alice, CancellationToken.None));
        var high = await Assert.ThrowsAsync<CmdbException>(() => _templates.CreateTemplateAsync(Template() with { MaxRiskLevel = RiskLevel.High }, Alice, CancellationToken.None));
        Assert.Equal(0L, Scalar("SELECT (SELECT count(*) FROM change_template) + (SELECT count(*) FROM change_template_audit)"));
        var id = (await _templates.CreateTemplateAsync(Template(), Alice, CancellationToken.None)).Id;

        var stale = await Assert.ThrowsAsync<CmdbException>(() => _templates.UpdateTemplateAsync(id, 5, Template("x"), Alice, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<CmdbException>(() => _templates.RetireTemplateAsync("nope", 1, Alice, CancellationToken.None));

        Assert.Equal((ErrorCode.Validation, "className"), (bad.Code, bad.Path));
        Assert.Equal((ErrorCode.Validation, "maxRiskLevel"), (high.Code, high.Path));
        Assert.Equal(ErrorCode.Conflict, stale.Code);
        Assert.Equal(ErrorCode.NotFound, missing.Code);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM change_template_audit"));
        Assert.Equal("pg minor patch", (await _templates.GetTemplateAsync(id, CancellationToken.None))!.Spec.Name);
    }

    [Fact]
    public async Task CreateChange_TemplateRef_MustNameAStoredTemplate()
    {
        var id = (await _templates.CreateTemplateAsync(Template(), Alice, CancellationToken.None)).Id;

        var e = await Assert.ThrowsAsync<CmdbException>(() => _changes.CreateAsync(Change(1, "pg-minor-patch"), Alice, CancellationToken.None));
        var ok = await _changes.CreateAsync(Change(1, id), Alice, CancellationToken.None);

        Assert.Equal(ErrorCode.NotFound, e.Code);
        Assert.Contains("'pg-minor-patch'", e.Message, StringComparison.Ordinal);
        Assert.Equal(id, ok.Spec.TemplateRef);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM change_record"));
    }

    [Fact]
    public async Task Open_AfterTheRetentionPeriod_PrunesOnlyClosedChangesWhoseWindowEndedBeforeTheHorizon()
    {
        var completed = await EndAsync(Change(1), ChangeOutcome.Completed);
        var cancelled = (await _changes.CreateAsync(Change(1), Alice, CancellationToken.None)).Id;
        await _changes.TransitionAsync(cancelled, ChangeState.Cancelled, null, Alice, CancellationToken.None);
        var live = (await _changes.CreateAsync(Change(1), Alice, CancellationToken.None)).Id;
        await _changes.TransitionAsync(live, ChangeState.Assessed, null, Alice, CancellationToken.None);
        var recent = await EndAsync(Change(10), ChangeOutcome.Failed);

        Time.Advance(TimeSpan.FromDays(35)); // horizon = day 5: the day-1 windows are older, the day-10 one is not
        using var reopened = new SqliteChangeStore(new SqliteStorageOptions { DatabasePath = Database.Path, RetentionDays = 30 }, Cmdb, Time);
        var outcomes = await reopened.GetOutcomesAsync([_db], [], DateTimeOffset.MinValue, CancellationToken.None);

        Assert.Equal(2, reopened.PrunedChanges);
        Assert.Null(await reopened.GetAsync(completed, CancellationToken.None));
        Assert.Null(await reopened.GetAsync(cancelled, CancellationToken.None));
        Assert.Equal(ChangeState.Assessed, (await reopened.GetAsync(live, CancellationToken.None))!.State);
        Assert.Equal([recent], outcomes.Select(o => o.ChangeId)); // outcomes go with their change: statistics count retained changes only
        Assert.Equal(0L, Scalar($"SELECT (SELECT count(*) FROM change_audit WHERE change_id IN ('{completed}', '{cancelled}')) "
            + $"+ (SELECT count(*) FROM change_target WHERE change_id IN ('{completed}', '{cancelled}'))"));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM change_record"));
    }

    private async Task<string> EndAsync(ChangeSpec spec, ChangeOutcome outcome)
    {
        var id = (await _changes.CreateAsync(spec, Alice, CancellationToken.None)).Id;
        foreach (var s in new[] { ChangeState.Assessed, ChangeState.Approved, ChangeState.Scheduled, ChangeState.Implementing })
            await _changes.TransitionAsync(id, s, null, Alice, CancellationToken.None);
        await _changes.RecordOutcomeAsync(id, outcome, null, Alice, CancellationToken.None);
        return id;
    }
}
