using System.Text.Json.Nodes;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Incidents;

/// <summary>Incident and event operations as GraphQL requests.</summary>
internal sealed class IncidentApi(GraphQLTestHost host)
{
    public const string IncidentFields = "id title description severity state nextStates startedAt symptomCiIds resolution rootCauseCiId resolvedAt version "
        + "symptoms { ciId addedBy ci { name } } rootCause { name }";

    public const string ResultFields = "accepted created updated mapped unmapped outcomes { eventId fingerprint isNew ciId mappedBy }";

    public async Task<string> IdAsync(string scheme, string value) => (await host.Store.FindByIdentifierAsync(scheme, value, null, CancellationToken.None))!.Id;

    public static JsonObject Input(string title = "Checkout errors", string severity = "SEV2", string[]? symptoms = null, string? startedAt = null) => new()
    {
        ["title"] = title,
        ["severity"] = severity,
        ["symptomCiIds"] = symptoms is null ? null : new JsonArray([.. symptoms.Select(s => (JsonNode?)s)]),
        ["startedAt"] = startedAt,
    };

    public Task<JsonObject> CreateRawAsync(JsonObject input) => host.ExecuteAsync(
        $"mutation($input: IncidentInput!) {{ createIncident(input: $input) {{ {IncidentFields} }} }}", new JsonObject { ["input"] = input }.ToJsonString());

    public async Task<JsonNode> CreateAsync(JsonObject input) => Data(await CreateRawAsync(input))["createIncident"]!;

    public Task<JsonObject> AddSymptomsRawAsync(string id, params string[] ciIds) => host.ExecuteAsync(
        $"mutation($id: ID!, $cis: [ID!]!) {{ addIncidentSymptoms(id: $id, ciIds: $cis) {{ {IncidentFields} }} }}",
        new JsonObject { ["id"] = id, ["cis"] = new JsonArray([.. ciIds.Select(s => (JsonNode?)s)]) }.ToJsonString());

    public Task<JsonObject> StateRawAsync(string id, string state, long? expectedVersion = null) => host.ExecuteAsync(
        $"mutation($id: ID!, $s: IncidentState!, $v: Long) {{ updateIncidentState(id: $id, state: $s, expectedVersion: $v) {{ {IncidentFields} }} }}",
        new JsonObject { ["id"] = id, ["s"] = state, ["v"] = expectedVersion }.ToJsonString());

    public Task<JsonObject> ResolveRawAsync(string id, string? rootCause, string resolution) => host.ExecuteAsync(
        $"mutation($id: ID!, $root: ID, $r: String!) {{ resolveIncident(id: $id, rootCauseCiId: $root, resolution: $r) {{ {IncidentFields} }} }}",
        new JsonObject { ["id"] = id, ["root"] = rootCause, ["r"] = resolution }.ToJsonString());

    public Task<JsonObject> IngestRawAsync(JsonArray events) => host.ExecuteAsync(
        $"mutation($e: [EventInput!]!) {{ ingestEvents(events: $e) {{ {ResultFields} }} }}", new JsonObject { ["e"] = events }.ToJsonString());

    public async Task<JsonNode> IngestAsync(JsonArray events) => Data(await IngestRawAsync(events))["ingestEvents"]!;

    public async Task<int> CountAsync(string listField) =>
        Data(await host.ExecuteAsync($"{{ {listField} {{ totalCount }} }}"))[listField.Split('(')[0]]!["totalCount"]!.GetValue<int>();

    public static JsonObject Event(string status, string fingerprint, params (string Name, string Value)[] labels) => new()
    {
        ["source"] = "test",
        ["status"] = status,
        ["fingerprint"] = fingerprint,
        ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode?)new JsonObject { ["name"] = l.Name, ["value"] = l.Value })]),
        ["startsAt"] = "2026-01-01T00:30:00Z",
    };

    public static JsonObject Data(JsonObject response)
    {
        Assert.True(response["errors"] is null, response.ToJsonString());
        return response["data"]!.AsObject();
    }
}
