using Cmdb.Domain.Errors;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Problems;
using Cmdb.Storage.Sqlite;
using Cmdb.Storage.Sqlite.Problems;
using Xunit;

namespace Cmdb.Storage.Tests.Incidents;

public sealed class SqliteProblemStoreTests : IncidentStoreFixture
{
    private SqliteProblemStore NewProblemStore() => new(new SqliteStorageOptions { DatabasePath = DatabasePath }, Cmdb, Time);

    [Fact]
    public async Task CreateUpdateList_KnownErrorLinkedToCiAndIncident_RoundTripsAndAudits()
    {
        using var problems = NewProblemStore();
        var incident = await Incidents.CreateAsync(new IncidentSpec("Slow", null, Severity.Sev3, Time.GetUtcNow()), Alice, CancellationToken.None);

        var created = await problems.CreateAsync(new ProblemSpec("Connection pool leak", null, false, null, [Db], [incident.Id]), Alice, CancellationToken.None);
        var updated = await problems.UpdateAsync(created.Id, 1, created.Spec with { IsKnownError = true, Workaround = "Restart the pool" }, Alice, CancellationToken.None);
        var onDb = await problems.ListAsync(Db, knownErrorsOnly: true, 10, null, CancellationToken.None);
        var onApp = await problems.ListAsync(App, knownErrorsOnly: false, 10, null, CancellationToken.None);

        Assert.Equal((2L, true, "Restart the pool"), (updated.Version, updated.Spec.IsKnownError, updated.Spec.Workaround));
        Assert.Equal([incident.Id], (await problems.GetAsync(created.Id, CancellationToken.None))!.Spec.IncidentIds);
        Assert.Equal(created.Id, Assert.Single(onDb.Items).Node.Id);
        Assert.Empty(onApp.Items);
        Assert.Equal("create,update", Scalar("SELECT group_concat(operation) FROM (SELECT operation FROM problem_audit ORDER BY id)"));
    }

    [Fact]
    public async Task CreateAndUpdate_BadInput_AreRefusedAndWriteNothing()
    {
        using var problems = NewProblemStore();
        var good = new ProblemSpec("Leak", null, false, null, [Db], []);
        var created = await problems.CreateAsync(good, Alice, CancellationToken.None);

        var cases = new (ProblemSpec Spec, ErrorCode Code, string Path)[]
        {
            (good with { Title = " " }, ErrorCode.Validation, "title"),
            (good with { Workaround = new string('w', 10_001) }, ErrorCode.Validation, "workaround"),
            (good with { CiIds = [Db, Db] }, ErrorCode.Validation, "ciIds"),
            (good with { CiIds = ["ghost"] }, ErrorCode.NotFound, "ciIds"),
            (good with { IncidentIds = ["nope"] }, ErrorCode.NotFound, "incidentIds"),
        };
        foreach (var (spec, code, path) in cases)
        {
            var e = await Assert.ThrowsAsync<CmdbException>(() => problems.CreateAsync(spec, Alice, CancellationToken.None));
            Assert.Equal((code, path), (e.Code, e.Path));
        }

        var stale = await Assert.ThrowsAsync<CmdbException>(() => problems.UpdateAsync(created.Id, 5, good, Alice, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<CmdbException>(() => problems.UpdateAsync("nope", 1, good, Alice, CancellationToken.None));

        Assert.Equal(ErrorCode.Conflict, stale.Code);
        Assert.Equal(ErrorCode.NotFound, missing.Code);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM problem"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM problem_audit"));
    }
}
