using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Incidents;

public sealed class ProblemTests(IncidentEstateFixture estate) : IClassFixture<IncidentEstateFixture>
{
    private const string Fields = "id title isKnownError workaround ciIds incidentIds version";
    private readonly IncidentApi _api = new(estate.Host);

    private Task<JsonObject> CreateRawAsync(JsonObject input) => estate.Host.ExecuteAsync(
        $"mutation($i: ProblemInput!) {{ createProblem(input: $i) {{ {Fields} }} }}", new JsonObject { ["i"] = input }.ToJsonString());

    [Fact]
    public async Task CreateThenMarkKnownError_IsListedForTheCi()
    {
        var db = await _api.IdAsync(WellKnown.Identifiers.DbKey, "pg-orders-01.prod.fra1.acme.internal:5432");
        var incident = (await _api.CreateAsync(IncidentApi.Input(symptoms: [db])))["id"]!.GetValue<string>();

        var created = IncidentApi.Data(await CreateRawAsync(new JsonObject { ["title"] = "Vacuum stalls", ["ciIds"] = new JsonArray(db), ["incidentIds"] = new JsonArray(incident) }))["createProblem"]!;
        var updated = IncidentApi.Data(await estate.Host.ExecuteAsync(
            $"mutation($id: ID!, $i: ProblemInput!) {{ updateProblem(id: $id, expectedVersion: 1, input: $i) {{ {Fields} }} }}",
            new JsonObject
            {
                ["id"] = created["id"]!.GetValue<string>(),
                ["i"] = new JsonObject { ["title"] = "Vacuum stalls", ["isKnownError"] = true, ["workaround"] = "Run VACUUM by hand", ["ciIds"] = new JsonArray(db) },
            }.ToJsonString()))["updateProblem"]!;
        var listed = IncidentApi.Data(await estate.Host.ExecuteAsync(
            "query($db: ID!) { problems(ciId: $db, knownErrorsOnly: true) { totalCount nodes { id workaround } } }", new JsonObject { ["db"] = db }.ToJsonString()))["problems"]!;

        Assert.Equal((false, 1), (created["isKnownError"]!.GetValue<bool>(), created["incidentIds"]!.AsArray().Count));
        Assert.Equal((true, 2, 0), (updated["isKnownError"]!.GetValue<bool>(), updated["version"]!.GetValue<int>(), updated["incidentIds"]!.AsArray().Count));
        Assert.Equal(1, listed["totalCount"]!.GetValue<int>());
        Assert.Equal("Run VACUUM by hand", listed["nodes"]![0]!["workaround"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateProblem_BadValues_AreRefusedWithCodeAndNothingIsWritten()
    {
        var before = await _api.CountAsync("problems");

        ErrorAssert.Expect(await CreateRawAsync(new JsonObject { ["title"] = "" }), "VALIDATION", "needs a title");
        ErrorAssert.Expect(await CreateRawAsync(new JsonObject { ["title"] = "x", ["ciIds"] = new JsonArray("ghost") }), "NOT_FOUND", "'ghost'");
        ErrorAssert.Expect(await CreateRawAsync(new JsonObject { ["title"] = "x", ["incidentIds"] = new JsonArray("nope") }), "NOT_FOUND", "'nope'");
        ErrorAssert.Expect(await estate.Host.ExecuteAsync("{ problem(id: \"nope\") { id } }"), "NOT_FOUND", "'nope'");

        Assert.Equal(before, await _api.CountAsync("problems"));
    }
}
