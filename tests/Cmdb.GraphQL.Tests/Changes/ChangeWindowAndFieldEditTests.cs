using System.Text.Json.Nodes;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Cmdb.GraphQL.Tests.Changes.ChangeApi;

namespace Cmdb.GraphQL.Tests.Changes;

/// <summary>
/// Maintenance windows of the demo business services (attribute maintenanceWindow) and SET_FIELD edits: assessed on
/// the what-if topology and verified after the window. Its own store, because it writes to the estate.
/// </summary>
public sealed class ChangeWindowAndFieldEditTests(ChangeEstateFixture estate) : IClassFixture<ChangeEstateFixture>
{
    private const string Db = WellKnown.Identifiers.DbKey;
    private const string OrdersReplica = "pg-orders-03.prod.fra1.acme.internal:5432";
    private readonly ChangeApi _api = new(estate.Host);

    private static JsonArray SetField(string ciId, string field, string? value) =>
        new(new JsonObject { ["kind"] = "SET_FIELD", ["ciId"] = ciId, ["field"] = field, ["value"] = value });

    [Fact]
    public async Task AssessChange_SaturdayAfternoon_ScoresAbove_WeekdayNightInsideTheShopsMaintenanceWindow()
    {
        var replica = await _api.IdAsync(Db, OrdersReplica);

        var night = await _api.AssessAsync(Input("Patch", [replica], new(2026, 3, 9, 22, 0, 0, TimeSpan.Zero))); // Monday 22:00 GMT
        var saturday = await _api.AssessAsync(Input("Patch", [replica], new(2026, 3, 14, 14, 0, 0, TimeSpan.Zero)));

        Assert.Equal(0, Factor(night, "maintenanceWindow")["value"]!.GetValue<double>());
        Assert.StartsWith("The window lies inside the maintenance window of all", Factor(night, "maintenanceWindow")["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Factor(saturday, "maintenanceWindow")["value"]!.GetValue<double>() >= 1);
        Assert.Contains("Online Shop (Mon-Thu 22:00-05:00 Europe/London)", Factor(saturday, "maintenanceWindow")["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(saturday["score"]!.GetValue<int>() > night["score"]!.GetValue<int>());
    }

    [Fact]
    public async Task AssessChange_OpenIncidentOnAServiceInTheBlastRadius_AddsTheIncidentsFactorNamingIt()
    {
        var replica = await _api.IdAsync(Db, "pg-accounts-02.prod.fra1.acme.internal:5432");
        var accounts = await _api.IdAsync(WellKnown.Identifiers.CmdbKey, "business/customer-accounts");
        var input = Input("Patch accounts replica", [replica], new(2026, 3, 11, 22, 0, 0, TimeSpan.Zero));
        var before = await _api.AssessAsync(input);

        await estate.Host.Services.GetRequiredService<IIncidentStore>().CreateAsync(
            new IncidentSpec("Logins slow", null, Severity.Sev2, estate.Host.Time.GetUtcNow().AddMinutes(-5), [accounts]), new Actor(ActorKind.User, "ops"), CancellationToken.None);
        var after = await _api.AssessAsync(input);

        Assert.Equal(0, Factor(before, "incidents")["value"]!.GetValue<double>());
        Assert.Equal(1, Factor(after, "incidents")["value"]!.GetValue<double>());
        Assert.Contains("1 open incident", Factor(after, "incidents")["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(after["score"]!.GetValue<int>() > before["score"]!.GetValue<int>());
    }

    [Fact]
    public async Task AssessChange_RaisingMinHealthyOfTheOrdersReplicaSetToItsSize_MakesTheMembersSinglePointsOfFailure()
    {
        var replica = await _api.IdAsync(Db, OrdersReplica);
        var set = await _api.IdAsync(WellKnown.Identifiers.CmdbKey, "replicaset/pg-orders");
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);

        var plain = await _api.AssessAsync(Input("Patch", [replica], start));
        var raised = await _api.AssessAsync(Input("Patch and require all three", [replica], start, edits: SetField(set, "minHealthy", "3")));

        Assert.Contains(replica, raised["newSinglePointsOfFailure"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(raised["score"]!.GetValue<int>() > plain["score"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("minHealthy", "three", "VALIDATION", "whole number")]
    [InlineData("status", "GONE", "VALIDATION", "use PLANNED, ACTIVE")]
    [InlineData("criticality", "0", "VALIDATION", "1 (most critical) to 4")]
    public async Task CreateChange_BadFieldEdit_IsRefusedOnTheEditAndRecordsNothing(string field, string value, string code, string fragment)
    {
        var replica = await _api.IdAsync(Db, OrdersReplica);
        const string Calendar = "query { changes(from: \"2026-05-01T00:00:00Z\", to: \"2026-05-31T00:00:00Z\") { change { id } } }";
        var before = Data(await estate.Host.ExecuteAsync(Calendar))["changes"]!.AsArray().Count;

        var error = ErrorAssert.Expect(await _api.CreateRawAsync(Input("x", [replica], new(2026, 5, 4, 22, 0, 0, TimeSpan.Zero), edits: SetField(replica, field, value))),
            code, fragment);

        Assert.Equal("edits[0]", error["extensions"]!["inputPath"]!.GetValue<string>());
        Assert.Equal(before, Data(await estate.Host.ExecuteAsync(Calendar))["changes"]!.AsArray().Count);
    }

    [Fact]
    public async Task AssessChange_FieldEditOnUnknownCi_IsNotFound()
    {
        var replica = await _api.IdAsync(Db, OrdersReplica);

        ErrorAssert.Expect(await _api.AssessRawAsync(Input("x", [replica], new(2026, 5, 5, 22, 0, 0, TimeSpan.Zero), edits: SetField("01GHOST", "version", "2"))),
            "NOT_FOUND", "'01GHOST'");
    }

    [Fact]
    public async Task ChangeVerification_FieldEdits_ShowWhatWasObservedForEachDeclaredValue()
    {
        var catalogApi = await _api.IdAsync(WellKnown.Identifiers.CmdbKey, "app/catalog-api");
        var set = await _api.IdAsync(WellKnown.Identifiers.CmdbKey, "replicaset/pg-catalog");
        var edits = new JsonArray(
            new JsonObject { ["kind"] = "SET_FIELD", ["ciId"] = catalogApi, ["field"] = "version", ["value"] = "4.2.0" },
            new JsonObject { ["kind"] = "SET_FIELD", ["ciId"] = set, ["field"] = "minHealthy", ["value"] = "2" });
        var id = (await _api.CreateAsync(Input("Catalog API 4.2", [catalogApi], estate.Host.Time.GetUtcNow().AddMinutes(1), edits: edits)))["id"]!.GetValue<string>();

        estate.Host.Time.Advance(TimeSpan.FromMinutes(10));
        await estate.Host.ApplyAsync(new UpsertCi(catalogApi, WellKnown.Classes.Application, new CiFields { Attributes = new JsonObject { ["version"] = "4.2.0" } }));
        estate.Host.Time.Advance(TimeSpan.FromHours(3));
        var result = Data(await estate.Host.ExecuteAsync(
            "query($id: ID!) { changeVerification(id: $id) { windowClosed clean edits { happened observed edit { field value } } } }",
            new JsonObject { ["id"] = id }.ToJsonString()))["changeVerification"]!;

        Assert.True(result["windowClosed"]!.GetValue<bool>());
        Assert.Equal([("version", true, "4.2.0"), ("minHealthy", false, "1")],
            result["edits"]!.AsArray().Select(e => (e!["edit"]!["field"]!.GetValue<string>(), e["happened"]!.GetValue<bool>(), e["observed"]!.GetValue<string>())));
        Assert.False(result["clean"]!.GetValue<bool>());
    }
}
