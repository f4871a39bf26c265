using System.Text.Json.Nodes;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Changes;

/// <summary>Change operations as GraphQL requests, with the demo estate's CIs looked up by identifier.</summary>
internal sealed class ChangeApi(GraphQLTestHost host)
{
    public const string AssessmentFields = """
        score level recommendedApproval approvalExplanation newSinglePointsOfFailure
        factors { name value weight contribution explanation }
        collisions { change { id title } sharedCiIds sharedCis { id name } }
        impact { totalCount summary { down degraded } }
        """;

    public const string ChangeFields = "id title state version type targetCiIds nextStates outcome outcomeNotes plannedStart plannedEnd rollbackPlan";

    public async Task<string> IdAsync(string scheme, string value) => (await host.Store.FindByIdentifierAsync(scheme, value, null, CancellationToken.None))!.Id;

    public static JsonObject Input(
        string title, string[] targets, DateTimeOffset start, double hours = 2, string type = "NORMAL", string? rollback = "Restore the snapshot.",
        string? tests = "Passed in staging.", string? template = null, JsonArray? edits = null) => new()
    {
        ["title"] = title,
        ["type"] = type,
        ["targetCiIds"] = new JsonArray([.. targets.Select(t => (JsonNode?)t)]),
        ["plannedStart"] = start.ToString("O"),
        ["plannedEnd"] = start.AddHours(hours).ToString("O"),
        ["rollbackPlan"] = rollback,
        ["testEvidence"] = tests,
        ["templateRef"] = template,
        ["edits"] = edits,
    };

    public Task<JsonObject> AssessRawAsync(JsonObject? input, string? changeId = null) => host.ExecuteAsync(
        $"query($id: ID, $input: ChangeInput) {{ assessChange(changeId: $id, input: $input) {{ {AssessmentFields} }} }}",
        new JsonObject { ["id"] = changeId, ["input"] = input?.DeepClone() }.ToJsonString());

    public async Task<JsonNode> AssessAsync(JsonObject? input, string? changeId = null) => Data(await AssessRawAsync(input, changeId))["assessChange"]!;

    public Task<JsonObject> CreateRawAsync(JsonObject input) => host.ExecuteAsync(
        $"mutation($input: ChangeInput!) {{ createChange(input: $input) {{ {ChangeFields} }} }}", new JsonObject { ["input"] = input.DeepClone() }.ToJsonString());

    public async Task<JsonNode> CreateAsync(JsonObject input) => Data(await CreateRawAsync(input))["createChange"]!;

    public Task<JsonObject> TransitionRawAsync(string id, string to) => host.ExecuteAsync(
        $"mutation($id: ID!, $to: ChangeState!) {{ transitionChange(id: $id, to: $to) {{ {ChangeFields} }} }}",
        new JsonObject { ["id"] = id, ["to"] = to }.ToJsonString());

    public async Task MoveAsync(string id, params string[] states)
    {
        foreach (var s in states) Data(await TransitionRawAsync(id, s));
    }

    public Task<JsonObject> OutcomeRawAsync(string id, string outcome, string? notes = null) => host.ExecuteAsync(
        $"mutation($id: ID!, $o: ChangeOutcome!, $n: String) {{ recordChangeOutcome(id: $id, outcome: $o, notes: $n) {{ {ChangeFields} }} }}",
        new JsonObject { ["id"] = id, ["o"] = outcome, ["n"] = notes }.ToJsonString());

    public const string TemplateFields = "id name description className procedure maxRiskLevel approvedBy reviewBy active version";

    public static JsonObject TemplateInput(string name, string className, string maxRiskLevel = "LOW", string reviewBy = "2027-06-30T00:00:00Z") => new()
    {
        ["name"] = name,
        ["className"] = className,
        ["procedure"] = "Patch one node at a time; check replication lag after each.",
        ["maxRiskLevel"] = maxRiskLevel,
        ["approvedBy"] = "CAB 2026-02",
        ["reviewBy"] = reviewBy,
    };

    public Task<JsonObject> CreateTemplateRawAsync(JsonObject input) => host.ExecuteAsync(
        $"mutation($input: ChangeTemplateInput!) {{ createChangeTemplate(input: $input) {{ {TemplateFields} }} }}",
        new JsonObject { ["input"] = input.DeepClone() }.ToJsonString());

    public async Task<string> CreateTemplateAsync(JsonObject input) => Data(await CreateTemplateRawAsync(input))["createChangeTemplate"]!["id"]!.GetValue<string>();

    public static JsonObject Data(JsonObject response)
    {
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!.AsObject();
    }

    public static JsonNode Factor(JsonNode assessment, string name) => assessment["factors"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!;
}
