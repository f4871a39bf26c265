using Cmdb.Domain.Errors;
using Cmdb.Domain.Incidents;
using Xunit;

namespace Cmdb.Storage.Tests.Incidents;

public sealed class SqliteIncidentStoreTests : IncidentStoreFixture
{
    private IncidentSpec Spec(params string[] symptoms) =>
        new("Checkout slow", "p99 above 2s", Severity.Sev2, Time.GetUtcNow().AddMinutes(-30), symptoms);

    [Fact]
    public async Task CreateAsync_ThenGet_RoundTripsAndAudits()
    {
        var created = await Incidents.CreateAsync(Spec(App, Db), Alice, CancellationToken.None);

        var read = await Incidents.GetAsync(created.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(created with { Symptoms = read.Symptoms }, read);
        Assert.Equal(created.Symptoms, read.Symptoms);
        Assert.Equal([App, Db], read.SymptomCiIds);
        Assert.Equal((IncidentState.Open, Severity.Sev2, 1L), (read.State, read.Severity, read.Version));
        Assert.All(read.Symptoms, x => Assert.Equal("user:alice", x.AddedBy));
        Assert.Equal("user:alice|create", Scalar("SELECT group_concat(actor || '|' || operation) FROM incident_audit"));
    }

    [Fact]
    public async Task CreateAsync_UnknownSymptomCi_WritesNothing()
    {
        var e = await Assert.ThrowsAsync<CmdbException>(() => Incidents.CreateAsync(Spec(App, "ghost"), Alice, CancellationToken.None));

        Assert.Equal(ErrorCode.NotFound, e.Code);
        Assert.Contains("'ghost'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT (SELECT count(*) FROM incident) + (SELECT count(*) FROM incident_symptom) + (SELECT count(*) FROM incident_audit)"));
    }

    [Theory]
    [InlineData("", "title")]
    [InlineData("   ", "title")]
    public async Task CreateAsync_EmptyTitle_IsValidation(string title, string path)
    {
        var e = await Assert.ThrowsAsync<CmdbException>(() => Incidents.CreateAsync(Spec(App) with { Title = title }, Alice, CancellationToken.None));

        Assert.Equal((ErrorCode.Validation, path), (e.Code, e.Path));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM incident"));
    }

    [Fact]
    public async Task CreateAsync_BadValues_AreValidationNamingTheField()
    {
        var cases = new (IncidentSpec Spec, string Path)[]
        {
            (Spec(App) with { Title = new string('x', IncidentRules.MaxTitleLength + 1) }, "title"),
            (Spec(App) with { Description = new string('x', IncidentRules.MaxTextLength + 1) }, "description"),
            (Spec(App) with { Severity = (Severity)9 }, "severity"),
            (Spec(App) with { StartedAt = Time.GetUtcNow().AddMinutes(5) }, "startedAt"),
            (Spec(App, " "), "symptomCiIds"),
        };

        foreach (var (spec, path) in cases)
        {
            var e = await Assert.ThrowsAsync<CmdbException>(() => Incidents.CreateAsync(spec, Alice, CancellationToken.None));
            Assert.Equal((ErrorCode.Validation, path), (e.Code, e.Path));
        }

        Assert.Equal(0L, Scalar("SELECT count(*) FROM incident"));
    }

    [Fact]
    public async Task AddSymptomsAsync_NewAndKnownCis_AddsOnlyNewOnesAndBumpsVersion()
    {
        var created = await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(1));

        var next = await Incidents.AddSymptomsAsync(created.Id, [App, Db, Db], Alice, CancellationToken.None);
        var again = await Incidents.AddSymptomsAsync(created.Id, [Db], Alice, CancellationToken.None);

        Assert.Equal([App, Db], next.SymptomCiIds);
        Assert.Equal(Time.GetUtcNow(), next.Symptoms[1].AddedAt);
        Assert.Equal(2L, next.Version);
        Assert.Equal((next.Version, next.UpdatedAt), (again.Version, again.UpdatedAt));
        Assert.Equal(next.Symptoms, again.Symptoms);
        Assert.Equal(2L, Scalar("SELECT count(*) FROM incident_audit"));
    }

    [Fact]
    public async Task AddSymptomsAsync_BadInput_IsRefusedAndWritesNothing()
    {
        var created = await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None);

        var empty = await Assert.ThrowsAsync<CmdbException>(() => Incidents.AddSymptomsAsync(created.Id, [], Alice, CancellationToken.None));
        var ghost = await Assert.ThrowsAsync<CmdbException>(() => Incidents.AddSymptomsAsync(created.Id, [Db, "ghost"], Alice, CancellationToken.None));
        var noIncident = await Assert.ThrowsAsync<CmdbException>(() => Incidents.AddSymptomsAsync("nope", [Db], Alice, CancellationToken.None));

        Assert.Equal((ErrorCode.Validation, "ciIds"), (empty.Code, empty.Path));
        Assert.Equal(ErrorCode.NotFound, ghost.Code);
        Assert.Equal(ErrorCode.NotFound, noIncident.Code);
        Assert.Contains("'nope'", noIncident.Message, StringComparison.Ordinal);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM incident_symptom"));
        Assert.Equal(1L, (await Incidents.GetAsync(created.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task ResolveAsync_WithRootCause_RecordsItAndCountsIt()
    {
        var created = await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None);
        await Incidents.TransitionAsync(created.Id, IncidentState.Investigating, 1, Alice, CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(10));

        var resolved = await Incidents.ResolveAsync(created.Id, Db, "Failed over the database", Alice, CancellationToken.None);

        Assert.Equal((IncidentState.Resolved, Db, "Failed over the database", Time.GetUtcNow()), (resolved.State, resolved.RootCauseCiId, resolved.Resolution, resolved.ResolvedAt));
        Assert.Equal(new Dictionary<string, int> { [Db] = 1 }, await Incidents.GetRootCauseCountsAsync([Db, App], Time.GetUtcNow().AddSeconds(1), CancellationToken.None));
        Assert.Empty(await Incidents.GetRootCauseCountsAsync([Db], Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal("create,transition,resolve", Scalar("SELECT group_concat(operation) FROM (SELECT operation FROM incident_audit ORDER BY id)"));
    }

    [Fact]
    public async Task ResolveAsync_BadInput_IsRefusedAndLeavesIncidentOpen()
    {
        var created = await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None);

        var empty = await Assert.ThrowsAsync<CmdbException>(() => Incidents.ResolveAsync(created.Id, Db, " ", Alice, CancellationToken.None));
        var ghost = await Assert.ThrowsAsync<CmdbException>(() => Incidents.ResolveAsync(created.Id, "ghost", "fixed", Alice, CancellationToken.None));
        var blank = await Assert.ThrowsAsync<CmdbException>(() => Incidents.ResolveAsync(created.Id, "", "fixed", Alice, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<CmdbException>(() => Incidents.ResolveAsync("nope", Db, "fixed", Alice, CancellationToken.None));

        Assert.Equal((ErrorCode.Validation, "resolution"), (empty.Code, empty.Path));
        Assert.Equal((ErrorCode.NotFound, "rootCauseCiId"), (ghost.Code, ghost.Path));
        Assert.Equal((ErrorCode.Validation, "rootCauseCiId"), (blank.Code, blank.Path));
        Assert.Equal(ErrorCode.NotFound, unknown.Code);
        var read = await Incidents.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal((IncidentState.Open, 1L, null), (read!.State, read.Version, read.RootCauseCiId));
    }

    [Fact]
    public async Task TransitionAsync_IllegalMoves_AreConflictOrValidation()
    {
        var created = await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None);

        var toResolved = await Assert.ThrowsAsync<CmdbException>(() => Incidents.TransitionAsync(created.Id, IncidentState.Resolved, null, Alice, CancellationToken.None));
        var toClosed = await Assert.ThrowsAsync<CmdbException>(() => Incidents.TransitionAsync(created.Id, IncidentState.Closed, null, Alice, CancellationToken.None));
        var stale = await Assert.ThrowsAsync<CmdbException>(() => Incidents.TransitionAsync(created.Id, IncidentState.Investigating, 7, Alice, CancellationToken.None));

        Assert.Equal(ErrorCode.Validation, toResolved.Code);
        Assert.Equal(ErrorCode.Conflict, toClosed.Code);
        Assert.Contains("OPEN to CLOSED", toClosed.Message, StringComparison.Ordinal);
        Assert.Equal((ErrorCode.Conflict, "expectedVersion"), (stale.Code, stale.Path));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM incident_audit"));
    }

    [Fact]
    public async Task TransitionAsync_ReopenResolved_ClearsRootCauseSoItIsNotCounted()
    {
        var created = await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None);
        await Incidents.ResolveAsync(created.Id, Db, "restarted", Alice, CancellationToken.None);

        var reopened = await Incidents.TransitionAsync(created.Id, IncidentState.Investigating, 2, Alice, CancellationToken.None);

        Assert.Equal((IncidentState.Investigating, null, null, null), (reopened.State, reopened.RootCauseCiId, reopened.Resolution, reopened.ResolvedAt));
        Assert.Empty(await Incidents.GetRootCauseCountsAsync([Db], Time.GetUtcNow().AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task AddSymptomsAsync_ClosedIncident_IsConflict()
    {
        var created = await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None);
        await Incidents.ResolveAsync(created.Id, null, "went away", Alice, CancellationToken.None);
        await Incidents.TransitionAsync(created.Id, IncidentState.Closed, null, Alice, CancellationToken.None);

        var e = await Assert.ThrowsAsync<CmdbException>(() => Incidents.AddSymptomsAsync(created.Id, [Db], Alice, CancellationToken.None));

        Assert.Equal(ErrorCode.Conflict, e.Code);
    }

    [Fact]
    public async Task ListAsync_ByStateAndPages_NewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None)).Id);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        await Incidents.ResolveAsync(ids[1], null, "done", Alice, CancellationToken.None);

        var first = await Incidents.ListAsync(null, 2, null, CancellationToken.None);
        var second = await Incidents.ListAsync(null, 2, first.EndCursor, CancellationToken.None);
        var open = await Incidents.ListAsync([IncidentState.Open], 10, null, CancellationToken.None);
        var bad = await Assert.ThrowsAsync<CmdbException>(() => Incidents.ListAsync(null, 0, null, CancellationToken.None));
        var cursor = await Assert.ThrowsAsync<CmdbException>(() => Incidents.ListAsync(null, 5, "garbage!", CancellationToken.None));

        Assert.Equal([ids[2], ids[1]], first.Items.Select(i => i.Node.Id));
        Assert.True(first.HasNextPage);
        Assert.Equal([ids[0]], second.Items.Select(i => i.Node.Id));
        Assert.Equal(3, first.TotalCount);
        Assert.Equal([ids[2], ids[0]], open.Items.Select(i => i.Node.Id));
        Assert.Equal(2, open.TotalCount);
        Assert.Equal([App], open.Items[0].Node.SymptomCiIds);
        Assert.Equal((ErrorCode.Validation, ErrorCode.Validation), (bad.Code, cursor.Code));
    }

    [Fact]
    public async Task GetForCisAsync_SymptomOrRootCause_ListsTheIncident()
    {
        var a = await Incidents.CreateAsync(Spec(App), Alice, CancellationToken.None);
        await Incidents.ResolveAsync(a.Id, Db, "fixed", Alice, CancellationToken.None);

        var found = await Incidents.GetForCisAsync([App, Db, Server], CancellationToken.None);

        Assert.Equal(a.Id, Assert.Single(found[App]).Id);
        Assert.Equal(a.Id, Assert.Single(found[Db]).Id);
        Assert.False(found.ContainsKey(Server));
    }
}
