using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Changes.ChangeApi;

namespace Cmdb.GraphQL.Tests.Changes;

/// <summary>Standard-change templates as records: lifecycle, bad input, and what they do to the approval path.</summary>
public sealed class ChangeTemplateTests(ChangeEstateFixture estate) : IClassFixture<ChangeEstateFixture>
{
    private const string Db = WellKnown.Identifiers.DbKey;
    private const string OrdersReplica = "pg-orders-03.prod.fra1.acme.internal:5432";
    private static readonly DateTimeOffset MondayNight = new(2026, 3, 9, 22, 0, 0, TimeSpan.Zero);
    private readonly ChangeApi _api = new(estate.Host);

    private async Task<JsonArray> ListAsync(bool all = true) =>
        Data(await estate.Host.ExecuteAsync($"query($all: Boolean) {{ changeTemplates(includeRetired: $all) {{ {TemplateFields} }} }}",
            new JsonObject { ["all"] = all }.ToJsonString()))["changeTemplates"]!.AsArray();

    private Task<JsonObject> UpdateRawAsync(string id, long version, JsonObject input) => estate.Host.ExecuteAsync(
        $"mutation($id: ID!, $v: Long!, $input: ChangeTemplateInput!) {{ updateChangeTemplate(id: $id, expectedVersion: $v, input: $input) {{ {TemplateFields} }} }}",
        new JsonObject { ["id"] = id, ["v"] = version, ["input"] = input }.ToJsonString());

    private Task<JsonObject> RetireRawAsync(string id, long version) => estate.Host.ExecuteAsync(
        $"mutation($id: ID!, $v: Long!) {{ retireChangeTemplate(id: $id, expectedVersion: $v) {{ {TemplateFields} }} }}",
        new JsonObject { ["id"] = id, ["v"] = version }.ToJsonString());

    [Fact]
    public async Task ChangeTemplate_CreateUpdateRetire_IsVersionedAndRetiredOnesAreListedOnlyWhenAsked()
    {
        var created = Data(await _api.CreateTemplateRawAsync(TemplateInput("Redis minor upgrade", WellKnown.Classes.Cache)))["createChangeTemplate"]!;
        var id = created["id"]!.GetValue<string>();

        var updated = Data(await UpdateRawAsync(id, 1, TemplateInput("Redis minor upgrade v2", WellKnown.Classes.Cache, "MEDIUM")))["updateChangeTemplate"]!;
        var retired = Data(await RetireRawAsync(id, 2))["retireChangeTemplate"]!;

        Assert.Equal(("Redis minor upgrade", 1L, true), (created["name"]!.GetValue<string>(), created["version"]!.GetValue<long>(), created["active"]!.GetValue<bool>()));
        Assert.Equal(("MEDIUM", 2L), (updated["maxRiskLevel"]!.GetValue<string>(), updated["version"]!.GetValue<long>()));
        Assert.Equal((false, 3L), (retired["active"]!.GetValue<bool>(), retired["version"]!.GetValue<long>()));
        Assert.Contains(id, (await ListAsync()).Select(t => t!["id"]!.GetValue<string>()));
        Assert.DoesNotContain(id, (await ListAsync(all: false)).Select(t => t!["id"]!.GetValue<string>()));
        var read = Data(await estate.Host.ExecuteAsync($"query($id: ID!) {{ changeTemplate(id: $id) {{ {TemplateFields} }} }}",
            new JsonObject { ["id"] = id }.ToJsonString()))["changeTemplate"]!;
        Assert.Equal(retired.ToJsonString(), read.ToJsonString());
    }

    public static TheoryData<string, string, string> BadTemplates() => new()
    {
        { "name", " ", "needs a name" },
        { "className", "Mainframe", "Unknown class 'Mainframe'" },
        { "procedure", "", "needs the procedure" },
        { "approvedBy", "", "who (which board or manager) pre-approved it" },
        { "maxRiskLevel", "HIGH", "up to MEDIUM risk" },
        { "name", new string('n', 201), "at most 200" },
    };

    [Theory]
    [MemberData(nameof(BadTemplates))]
    public async Task CreateChangeTemplate_BadField_IsAValidationErrorAndWritesNothing(string field, string value, string fragment)
    {
        var before = (await ListAsync()).Count;
        var input = TemplateInput("bad", WellKnown.Classes.Database);
        input[field] = value;

        var error = ErrorAssert.Expect(await _api.CreateTemplateRawAsync(input), "VALIDATION", fragment);

        Assert.Equal(field, error["extensions"]!["inputPath"]!.GetValue<string>());
        Assert.Equal(before, (await ListAsync()).Count);
    }

    [Fact]
    public async Task UpdateAndRetire_StaleVersionUnknownIdOrRetired_AreRefusedAndChangeNothing()
    {
        var id = await _api.CreateTemplateAsync(TemplateInput("Nginx reload", WellKnown.Classes.LoadBalancer));

        ErrorAssert.Expect(await UpdateRawAsync(id, 7, TemplateInput("x", WellKnown.Classes.LoadBalancer)), "CONFLICT", "is at version 1, not 7");
        ErrorAssert.Expect(await UpdateRawAsync("01NOPE", 1, TemplateInput("x", WellKnown.Classes.LoadBalancer)), "NOT_FOUND", "No change template with id '01NOPE'");
        ErrorAssert.Expect(await UpdateRawAsync(id, 1, TemplateInput("x", "Nope")), "VALIDATION", "Unknown class 'Nope'");
        Data(await RetireRawAsync(id, 1));
        ErrorAssert.Expect(await RetireRawAsync(id, 2), "CONFLICT", "already retired");
        ErrorAssert.Expect(await UpdateRawAsync(id, 2, TemplateInput("y", WellKnown.Classes.LoadBalancer)), "CONFLICT", "is retired");
        ErrorAssert.Expect(await estate.Host.ExecuteAsync("{ changeTemplate(id: \"01NOPE\") { id } }"), "NOT_FOUND", "No change template");

        var read = (await ListAsync()).Single(t => t!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(("Nginx reload", 2L, false), (read["name"]!.GetValue<string>(), read["version"]!.GetValue<long>(), read["active"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task CreateChange_TemplateRefThatIsNoTemplate_IsNotFoundAndRecordsNothing()
    {
        var replica = await _api.IdAsync(Db, OrdersReplica);
        const string Calendar = "query { changes(from: \"2026-03-01T00:00:00Z\", to: \"2026-03-31T00:00:00Z\") { change { id } } }";
        var before = Data(await estate.Host.ExecuteAsync(Calendar))["changes"]!.AsArray().Count;

        ErrorAssert.Expect(await _api.CreateRawAsync(Input("Patch", [replica], MondayNight, type: "STANDARD", template: "pg-minor-patch")),
            "NOT_FOUND", "No change template with id 'pg-minor-patch'");

        Assert.Equal(before, Data(await estate.Host.ExecuteAsync(Calendar))["changes"]!.AsArray().Count);
    }

    [Fact]
    public async Task AssessChange_StandardChange_IsPreApprovedByItsTemplateUntilTheTemplateIsRetired()
    {
        var replica = await _api.IdAsync(Db, OrdersReplica);
        var id = await _api.CreateTemplateAsync(TemplateInput("Postgres minor patch", WellKnown.Classes.Database));
        var change = await _api.CreateAsync(Input("Patch pg-orders-03", [replica], MondayNight, type: "STANDARD", template: id));
        var changeId = change["id"]!.GetValue<string>();
        const string Query = "query($id: ID!) { assessChange(changeId: $id) { level recommendedApproval approvalExplanation } change(id: $id) { template { name } } }";

        var before = Data(await estate.Host.ExecuteAsync(Query, new JsonObject { ["id"] = changeId }.ToJsonString()));
        Data(await RetireRawAsync(id, 1));
        var after = Data(await estate.Host.ExecuteAsync(Query, new JsonObject { ["id"] = changeId }.ToJsonString()));

        Assert.Equal("Postgres minor patch", before["change"]!["template"]!["name"]!.GetValue<string>());
        Assert.Equal("PRE_APPROVED", before["assessChange"]!["recommendedApproval"]!.GetValue<string>());
        Assert.Contains("pre-approves it", before["assessChange"]!["approvalExplanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("PEER_REVIEW", after["assessChange"]!["recommendedApproval"]!.GetValue<string>());
        Assert.Contains("is retired", after["assessChange"]!["approvalExplanation"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessChange_SamePatchOnSaturdayOutsideTheServiceWindows_RisesToMediumAndTheLowTemplateNoLongerShieldsIt()
    {
        var replica = await _api.IdAsync(Db, OrdersReplica);
        var id = await _api.CreateTemplateAsync(TemplateInput("Postgres minor patch (low)", WellKnown.Classes.Database));

        var weekday = await _api.AssessAsync(Input("Patch", [replica], new(2026, 3, 2, 22, 0, 0, TimeSpan.Zero), type: "STANDARD", template: id));
        var saturday = await _api.AssessAsync(Input("Patch", [replica], new(2026, 3, 14, 14, 0, 0, TimeSpan.Zero), type: "STANDARD", template: id));

        Assert.Equal(("LOW", "PRE_APPROVED"), (weekday["level"]!.GetValue<string>(), weekday["recommendedApproval"]!.GetValue<string>()));
        Assert.Equal(weekday["score"]!.GetValue<int>() + 10, saturday["score"]!.GetValue<int>());
        Assert.Equal(("MEDIUM", "PEER_REVIEW"), (saturday["level"]!.GetValue<string>(), saturday["recommendedApproval"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AssessChange_TemplateForAnotherClass_DoesNotShieldAndSaysWhy()
    {
        var replica = await _api.IdAsync(Db, OrdersReplica);
        var id = await _api.CreateTemplateAsync(TemplateInput("VM reboot", WellKnown.Classes.VirtualMachine));

        var result = await _api.AssessAsync(Input("Patch", [replica], MondayNight, type: "STANDARD", template: id));

        Assert.Equal("PEER_REVIEW", result["recommendedApproval"]!.GetValue<string>());
        Assert.Contains("it applies to VirtualMachine CIs", result["approvalExplanation"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
