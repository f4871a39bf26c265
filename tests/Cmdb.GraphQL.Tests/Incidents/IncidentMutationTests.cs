using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Incidents;

public sealed class IncidentMutationTests(IncidentEstateFixture estate) : IClassFixture<IncidentEstateFixture>
{
    private readonly IncidentApi _api = new(estate.Host);

    private Task<string> Orders() => _api.IdAsync(WellKnown.Identifiers.DbKey, "pg-orders-01.prod.fra1.acme.internal:5432");

    private Task<string> Backoffice() => _api.IdAsync(WellKnown.Identifiers.InstanceKey, "admin-backoffice@bo-01");

    [Fact]
    public async Task Lifecycle_CreateAddInvestigateResolveClose_IsReadableEverywhere()
    {
        var (app, db) = (await Backoffice(), await Orders());

        var created = await _api.CreateAsync(IncidentApi.Input(symptoms: [app], startedAt: "2026-01-01T00:45:00Z"));
        var id = created["id"]!.GetValue<string>();
        var added = IncidentApi.Data(await _api.AddSymptomsRawAsync(id, db))["addIncidentSymptoms"]!;
        var investigating = IncidentApi.Data(await _api.StateRawAsync(id, "INVESTIGATING", 2))["updateIncidentState"]!;
        var resolved = IncidentApi.Data(await _api.ResolveRawAsync(id, db, "Failed over pg-orders"))["resolveIncident"]!;
        var closed = IncidentApi.Data(await _api.StateRawAsync(id, "CLOSED"))["updateIncidentState"]!;

        Assert.Equal(("OPEN", "SEV2", 1), (created["state"]!.GetValue<string>(), created["severity"]!.GetValue<string>(), created["version"]!.GetValue<int>()));
        Assert.Equal("2026-01-01T00:45:00+00:00", created["startedAt"]!.GetValue<string>());
        Assert.Equal(["INVESTIGATING"], created["nextStates"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal([app, db], added["symptomCiIds"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("user:anonymous", added["symptoms"]![1]!["addedBy"]!.GetValue<string>());
        Assert.Equal("INVESTIGATING", investigating["state"]!.GetValue<string>());
        Assert.Equal(("RESOLVED", db), (resolved["state"]!.GetValue<string>(), resolved["rootCauseCiId"]!.GetValue<string>()));
        Assert.Equal("pg-orders-01 (primary)", resolved["rootCause"]!["name"]!.GetValue<string>());
        Assert.Equal(("CLOSED", 5), (closed["state"]!.GetValue<string>(), closed["version"]!.GetValue<int>()));

        var read = IncidentApi.Data(await estate.Host.ExecuteAsync(
            "query($id: ID!, $db: ID!) { incident(id: $id) { state } incidents(states: [CLOSED]) { totalCount nodes { id } } ci(id: $db) { incidents { id state } } }",
            new JsonObject { ["id"] = id, ["db"] = db }.ToJsonString()));
        Assert.Equal("CLOSED", read["incident"]!["state"]!.GetValue<string>());
        Assert.Contains(id, read["incidents"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Contains(id, read["ci"]!["incidents"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateIncident_BadValues_AreRefusedWithCodeAndNothingIsWritten()
    {
        var app = await Backoffice();
        var before = await _api.CountAsync("incidents");
        var cases = new (JsonObject Input, string Code, string Fragment)[]
        {
            (IncidentApi.Input(title: ""), "VALIDATION", "needs a title"),
            (IncidentApi.Input(title: new string('x', 201)), "VALIDATION", "at most 200"),
            (IncidentApi.Input(severity: "SEV9"), "VALIDATION", "SEV9"),
            (IncidentApi.Input(startedAt: "2027-01-01T00:00:00Z"), "VALIDATION", "future"),
            (IncidentApi.Input(startedAt: "yesterday"), "VALIDATION", "startedAt"),
            (IncidentApi.Input(symptoms: [app, "ghost"]), "NOT_FOUND", "'ghost'"),
            (IncidentApi.Input(symptoms: [""]), "VALIDATION", "empty"),
        };

        foreach (var (input, code, fragment) in cases) ErrorAssert.Expect(await _api.CreateRawAsync(input), code, fragment);

        Assert.Equal(before, await _api.CountAsync("incidents"));
    }

    [Fact]
    public async Task IncidentMutations_BadReferencesAndMoves_AreRefusedAndLeaveTheIncidentAsItWas()
    {
        var db = await Orders();
        var id = (await _api.CreateAsync(IncidentApi.Input(symptoms: [db])))["id"]!.GetValue<string>();

        ErrorAssert.Expect(await _api.AddSymptomsRawAsync(id), "VALIDATION", "at least one CI");
        ErrorAssert.Expect(await _api.AddSymptomsRawAsync("01ZZZZZZZZZZZZZZZZZZZZZZZZ", db), "NOT_FOUND", "No incident");
        ErrorAssert.Expect(await _api.AddSymptomsRawAsync(id, "ghost"), "NOT_FOUND", "'ghost'");
        ErrorAssert.Expect(await _api.StateRawAsync(id, "CLOSED"), "CONFLICT", "OPEN to CLOSED");
        ErrorAssert.Expect(await _api.StateRawAsync(id, "RESOLVED"), "VALIDATION", "resolveIncident");
        ErrorAssert.Expect(await _api.StateRawAsync(id, "INVESTIGATING", 9), "CONFLICT", "version 1");
        ErrorAssert.Expect(await _api.StateRawAsync(id, "NOPE"), "VALIDATION", "NOPE");
        ErrorAssert.Expect(await _api.ResolveRawAsync(id, "ghost", "fixed"), "NOT_FOUND", "'ghost'");
        ErrorAssert.Expect(await _api.ResolveRawAsync(id, db, ""), "VALIDATION", "resolution");
        ErrorAssert.Expect(await _api.ResolveRawAsync("nope", db, "fixed"), "NOT_FOUND", "'nope'");
        ErrorAssert.Expect(await estate.Host.ExecuteAsync("{ incident(id: \"nope\") { id } }"), "NOT_FOUND", "'nope'");

        var read = IncidentApi.Data(await estate.Host.ExecuteAsync(
            "query($id: ID!) { incident(id: $id) { state version symptomCiIds } }", new JsonObject { ["id"] = id }.ToJsonString()))["incident"]!;
        Assert.Equal(("OPEN", 1, 1), (read["state"]!.GetValue<string>(), read["version"]!.GetValue<int>(), read["symptomCiIds"]!.AsArray().Count));
    }

    [Fact]
    public async Task Incidents_BadPaging_IsValidation()
    {
        ErrorAssert.Expect(await estate.Host.ExecuteAsync("{ incidents(first: 0) { totalCount } }"), "VALIDATION", "first");
        ErrorAssert.Expect(await estate.Host.ExecuteAsync("{ incidents(after: \"garbage\") { totalCount } }"), "VALIDATION", "cursor");
    }
}
