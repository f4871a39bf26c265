using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using static Cmdb.GraphQL.Tests.Changes.ChangeApi;

namespace Cmdb.GraphQL.Tests.Changes;

/// <summary>changeVerification on the demo estate; its own store, because it writes to the estate.</summary>
public sealed class ChangeVerificationTests(ChangeEstateFixture estate) : IClassFixture<ChangeEstateFixture>
{
    private readonly ChangeApi _api = new(estate.Host);

    [Fact]
    public async Task ChangeVerification_AfterTheWindow_ReportsTheMissingEditAndTheUndeclaredAttributeChangeInTheBlastRadius()
    {
        var replica = await _api.IdAsync(WellKnown.Identifiers.DbKey, "pg-catalog-02.prod.fra1.acme.internal:5432");
        var primary = await _api.IdAsync(WellKnown.Identifiers.DbKey, "pg-catalog-01.prod.fra1.acme.internal:5432");
        var catalogApi = await _api.IdAsync(WellKnown.Identifiers.CmdbKey, "app/catalog-api");
        var edits = new JsonArray(
            new JsonObject { ["kind"] = "RETIRE_CI", ["ciId"] = replica },
            new JsonObject { ["kind"] = "ADD_RELATIONSHIP", ["relationshipType"] = "MEMBER_OF", ["sourceId"] = primary, ["targetId"] = primary });
        var id = (await _api.CreateAsync(Input("Decommission pg-catalog-02", [replica], estate.Host.Time.GetUtcNow().AddMinutes(1), edits: edits)))["id"]!
            .GetValue<string>();
        const string Query = """
            query($id: ID!) { changeVerification(id: $id) { windowClosed clean edits { happened edit { kind } } undeclared { kind ciId fields } } }
            """;
        var vars = new JsonObject { ["id"] = id }.ToJsonString();

        estate.Host.Time.Advance(TimeSpan.FromMinutes(10));
        await estate.Host.ApplyAsync(new RetireCi(replica, null));
        await estate.Host.ApplyAsync(new UpsertCi(catalogApi, WellKnown.Classes.Application, new CiFields { Attributes = new JsonObject { ["version"] = "9.9.9" } }));
        var during = Data(await estate.Host.ExecuteAsync(Query, vars))["changeVerification"]!;
        estate.Host.Time.Advance(TimeSpan.FromHours(3));
        var after = Data(await estate.Host.ExecuteAsync(Query, vars))["changeVerification"]!;

        Assert.False(during["windowClosed"]!.GetValue<bool>());
        Assert.True(after["windowClosed"]!.GetValue<bool>());
        Assert.False(after["clean"]!.GetValue<bool>());
        Assert.Equal([("RETIRE_CI", true), ("ADD_RELATIONSHIP", false)],
            after["edits"]!.AsArray().Select(e => (e!["edit"]!["kind"]!.GetValue<string>(), e["happened"]!.GetValue<bool>())));
        var undeclared = Assert.Single(after["undeclared"]!.AsArray())!;
        Assert.Equal(("CI_CHANGED", catalogApi), (undeclared["kind"]!.GetValue<string>(), undeclared["ciId"]!.GetValue<string>()));
        Assert.Equal(["attributes.version"], undeclared["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
    }
}
