using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Changes.ChangeApi;

namespace Cmdb.GraphQL.Tests.Changes;

/// <summary>Change records through the API: lifecycle, outcomes, calendar and collisions, and bad input.</summary>
public sealed class ChangeRecordTests(ChangeEstateFixture estate) : IClassFixture<ChangeEstateFixture>
{
    private const string Db = WellKnown.Identifiers.DbKey;
    private readonly ChangeApi _api = new(estate.Host);

    [Fact]
    public async Task CreateChange_ValidInput_IsADraftWithItsFields()
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");

        var change = await _api.CreateAsync(Input("ERP patch", [erp], new(2026, 4, 1, 22, 0, 0, TimeSpan.Zero)));

        Assert.Equal("DRAFT", change["state"]!.GetValue<string>());
        Assert.Equal(1, change["version"]!.GetValue<long>());
        Assert.Equal("NORMAL", change["type"]!.GetValue<string>());
        Assert.Equal([erp], change["targetCiIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["ASSESSED", "CANCELLED"], change["nextStates"]!.AsArray().Select(n => n!.GetValue<string>()));
        var read = Data(await estate.Host.ExecuteAsync($"query($id: ID!) {{ change(id: $id) {{ {ChangeFields} }} }}",
            new JsonObject { ["id"] = change["id"]!.GetValue<string>() }.ToJsonString()))["change"]!;
        Assert.Equal(change.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task TransitionChange_SkippingApproval_IsRefusedAndLeavesTheChangeAsItWas()
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var id = (await _api.CreateAsync(Input("ERP patch", [erp], new(2026, 4, 2, 22, 0, 0, TimeSpan.Zero))))["id"]!.GetValue<string>();

        ErrorAssert.Expect(await _api.TransitionRawAsync(id, "SCHEDULED"), "CONFLICT", "cannot move from DRAFT to SCHEDULED");

        var read = Data(await estate.Host.ExecuteAsync("query($id: ID!) { change(id: $id) { state version } }", new JsonObject { ["id"] = id }.ToJsonString()));
        Assert.Equal("DRAFT", read["change"]!["state"]!.GetValue<string>());
        Assert.Equal(1, read["change"]!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task TransitionChange_ToAnOutcomeState_PointsToRecordChangeOutcome()
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var id = (await _api.CreateAsync(Input("ERP patch", [erp], new(2026, 4, 3, 22, 0, 0, TimeSpan.Zero))))["id"]!.GetValue<string>();
        await _api.MoveAsync(id, "ASSESSED", "APPROVED", "SCHEDULED", "IMPLEMENTING");

        ErrorAssert.Expect(await _api.TransitionRawAsync(id, "COMPLETED"), "VALIDATION", "recordChangeOutcome");
    }

    [Fact]
    public async Task RecordChangeOutcome_Failed_EndsTheChangeAndRaisesFailureRateAndLowersSuccessRate()
    {
        var payroll = await _api.IdAsync(Db, "payroll-db-01/payroll");
        var start = new DateTimeOffset(2026, 4, 4, 22, 0, 0, TimeSpan.Zero);
        var before = await _api.AssessAsync(Input("Payroll patch", [payroll], start.AddDays(10)));
        var id = (await _api.CreateAsync(Input("Payroll patch", [payroll], start)))["id"]!.GetValue<string>();
        await _api.MoveAsync(id, "ASSESSED", "APPROVED", "SCHEDULED", "IMPLEMENTING");

        var ended = Data(await _api.OutcomeRawAsync(id, "FAILED", "Migration timed out."))["recordChangeOutcome"]!;
        var after = await _api.AssessAsync(Input("Payroll patch again", [payroll], start.AddDays(10)));

        Assert.Equal(("FAILED", "FAILED", "Migration timed out."),
            (ended["state"]!.GetValue<string>(), ended["outcome"]!.GetValue<string>(), ended["outcomeNotes"]!.GetValue<string>()));
        Assert.Empty(ended["nextStates"]!.AsArray());
        Assert.Equal(0, Factor(before, "failureRate")["value"]!.GetValue<double>());
        Assert.Equal(1, Factor(after, "failureRate")["value"]!.GetValue<double>());
        Assert.True(after["score"]!.GetValue<int>() > before["score"]!.GetValue<int>());
        var rate = Data(await estate.Host.ExecuteAsync("query($id: ID!) { changeSuccessRate(ciId: $id) { total completed failed rolledBack rate } }",
            new JsonObject { ["id"] = payroll }.ToJsonString()))["changeSuccessRate"]!;
        Assert.Equal("""{"total":1,"completed":0,"failed":1,"rolledBack":0,"rate":0}""", rate.ToJsonString());
        var service = await _api.IdAsync(WellKnown.Identifiers.CmdbKey, "business/payroll");
        var serviceRate = Data(await estate.Host.ExecuteAsync("query($id: ID!) { changeSuccessRate(ciId: $id) { total failed } }",
            new JsonObject { ["id"] = service }.ToJsonString()))["changeSuccessRate"]!;
        Assert.Equal("""{"total":1,"failed":1}""", serviceRate.ToJsonString());
        ErrorAssert.Expect(await _api.OutcomeRawAsync(id, "COMPLETED"), "CONFLICT", "FAILED is final");
    }

    [Fact]
    public async Task ChangeQueriesAndMutations_UnknownChangeId_AreNotFound()
    {
        const string Missing = "01JZZZZZZZZZZZZZZZZZZZZZZZ";
        var vars = new JsonObject { ["id"] = Missing }.ToJsonString();

        ErrorAssert.Expect(await estate.Host.ExecuteAsync("query($id: ID!) { change(id: $id) { id } }", vars), "NOT_FOUND", Missing);
        ErrorAssert.Expect(await _api.AssessRawAsync(null, Missing), "NOT_FOUND", Missing);
        ErrorAssert.Expect(await _api.TransitionRawAsync(Missing, "ASSESSED"), "NOT_FOUND", Missing);
        ErrorAssert.Expect(await _api.OutcomeRawAsync(Missing, "COMPLETED"), "NOT_FOUND", Missing);
        ErrorAssert.Expect(await estate.Host.ExecuteAsync("query($id: ID!) { changeVerification(id: $id) { clean } }", vars), "NOT_FOUND", Missing);
    }

    [Fact]
    public async Task Change_Targets_ResolveToTheCis()
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var id = (await _api.CreateAsync(Input("ERP patch", [erp], new(2026, 4, 9, 22, 0, 0, TimeSpan.Zero))))["id"]!.GetValue<string>();

        var read = Data(await estate.Host.ExecuteAsync("query($id: ID!) { change(id: $id) { targets { id name } edits { kind } } }",
            new JsonObject { ["id"] = id }.ToJsonString()))["change"]!;

        Assert.Equal(erp, read["targets"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("erp", read["targets"]![0]!["name"]!.GetValue<string>());
        Assert.Single(read["targets"]!.AsArray());
        Assert.Empty(read["edits"]!.AsArray());
    }

    [Fact]
    public async Task UpdateChange_StaleVersion_IsAConflict()
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var input = Input("ERP patch", [erp], new(2026, 4, 5, 22, 0, 0, TimeSpan.Zero));
        var id = (await _api.CreateAsync(input))["id"]!.GetValue<string>();
        const string Update = "mutation($id: ID!, $v: Long!, $input: ChangeInput!) { updateChange(id: $id, expectedVersion: $v, input: $input) { title version } }";
        input["title"] = "ERP patch v2";

        var updated = Data(await estate.Host.ExecuteAsync(Update, new JsonObject { ["id"] = id, ["v"] = 1, ["input"] = input.DeepClone() }.ToJsonString()));
        var stale = await estate.Host.ExecuteAsync(Update, new JsonObject { ["id"] = id, ["v"] = 1, ["input"] = input.DeepClone() }.ToJsonString());

        Assert.Equal("""{"title":"ERP patch v2","version":2}""", updated["updateChange"]!.ToJsonString());
        ErrorAssert.Expect(stale, "CONFLICT", "is at version 2, not 1");
    }

    public static TheoryData<string, string, string> BadInputs() => new()
    {
        { "end-before-start", "VALIDATION", "must end after it starts" },
        { "no-targets", "VALIDATION", "at least one target CI" },
        { "unknown-ci", "NOT_FOUND", "'no-such-ci'" },
        { "blank-title", "VALIDATION", "needs a title" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task CreateAndAssess_BadInput_AreRefusedWithClearErrorsAndWriteNothing(string bad, string code, string fragment)
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var start = new DateTimeOffset(2026, 4, 6, 22, 0, 0, TimeSpan.Zero);
        var input = bad switch
        {
            "end-before-start" => Input("x", [erp], start, hours: -1),
            "no-targets" => Input("x", [], start),
            "unknown-ci" => Input("x", [erp, "no-such-ci"], start),
            _ => Input(" ", [erp], start),
        };

        ErrorAssert.Expect(await _api.CreateRawAsync((JsonObject)input.DeepClone()), code, fragment);
        ErrorAssert.Expect(await _api.AssessRawAsync(input), code, fragment);

        var listed = Data(await estate.Host.ExecuteAsync("query($f: DateTime!, $t: DateTime!) { changes(from: $f, to: $t) { change { id } } }",
            new JsonObject { ["f"] = start.AddDays(-1).ToString("O"), ["t"] = start.AddDays(1).ToString("O") }.ToJsonString()));
        Assert.Empty(listed["changes"]!.AsArray());
    }

    [Fact]
    public async Task ChangesAndChangeCollisions_OverlappingChangesOnSharedDependencies_AreListedAsOverlapsAndCollisions()
    {
        var orders = await _api.IdAsync(Db, "pg-orders/orders");
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var dwh = await _api.IdAsync(Db, "dwh-01/dwh");
        var orderService = await _api.IdAsync(WellKnown.Identifiers.CmdbKey, "app/order-service");
        var start = new DateTimeOffset(2026, 4, 8, 22, 0, 0, TimeSpan.Zero);
        var a = (await _api.CreateAsync(Input("Orders failover test", [orders], start)))["id"]!.GetValue<string>();
        var b = (await _api.CreateAsync(Input("ERP upgrade", [erp], start.AddHours(1))))["id"]!.GetValue<string>();
        var c = (await _api.CreateAsync(Input("DWH reindex", [dwh], start.AddDays(1))))["id"]!.GetValue<string>();
        foreach (var id in new[] { a, b, c }) await _api.MoveAsync(id, "ASSESSED");
        var period = new JsonObject { ["f"] = start.AddHours(-1).ToString("O"), ["t"] = start.AddDays(2).ToString("O") }.ToJsonString();

        var calendar = Data(await estate.Host.ExecuteAsync(
            "query($f: DateTime!, $t: DateTime!) { changes(from: $f, to: $t, states: [ASSESSED]) { change { id } overlaps { id } } }", period))["changes"]!.AsArray();
        var collisions = Data(await estate.Host.ExecuteAsync(
            "query($f: DateTime!, $t: DateTime!) { changeCollisions(from: $f, to: $t) { change { id } with { id } sharedCiIds } }", period))["changeCollisions"]!.AsArray();

        Assert.Equal([(a, b), (b, a), (c, "")], calendar.Select(e => (e!["change"]!["id"]!.GetValue<string>(),
            string.Join(",", e["overlaps"]!.AsArray().Select(o => o!["id"]!.GetValue<string>())))));
        var pair = Assert.Single(collisions)!;
        Assert.Equal((a, b), (pair["change"]!["id"]!.GetValue<string>(), pair["with"]!["id"]!.GetValue<string>()));
        Assert.Contains(orderService, pair["sharedCiIds"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
