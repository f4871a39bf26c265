using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using static Cmdb.GraphQL.Tests.Changes.ChangeApi;

namespace Cmdb.GraphQL.Tests.Changes;

/// <summary>assessChange on the demo estate: orderings, what-if topology edits, collisions, determinism.</summary>
public sealed class ChangeAssessmentTests(ChangeEstateFixture estate) : IClassFixture<ChangeEstateFixture>
{
    private const string Db = WellKnown.Identifiers.DbKey;
    private readonly ChangeApi _api = new(estate.Host);

    [Fact]
    public async Task AssessChange_PatchOneNodeOfThreeNodeCluster_ScoresBelow_SchemaChangeToSingleErpDatabaseInFreeze()
    {
        var replica = await _api.IdAsync(Db, "pg-orders-03.prod.fra1.acme.internal:5432");
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");

        var template = await _api.CreateTemplateAsync(TemplateInput("pg-minor-patch", WellKnown.Classes.Database));
        var patch = await _api.AssessAsync(Input("Patch pg-orders-03", [replica], new(2026, 3, 2, 22, 0, 0, TimeSpan.Zero), type: "STANDARD", template: template));
        var schema = await _api.AssessAsync(Input("Alter erp schema", [erp], ChangeEstateFixture.FreezeStart.AddDays(1), rollback: null));

        Assert.True(patch["score"]!.GetValue<int>() < schema["score"]!.GetValue<int>(), $"patch {patch} schema {schema}");
        Assert.Equal("CRITICAL", schema["level"]!.GetValue<string>());
        Assert.Equal("CAB", schema["recommendedApproval"]!.GetValue<string>());
        Assert.Equal(1, Factor(schema, "freezeWindow")["value"]!.GetValue<double>());
        Assert.Contains("year-end peak", Factor(schema, "freezeWindow")["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(Factor(schema, "singlePointsOfFailure")["value"]!.GetValue<double>() >= 1);
        Assert.Equal(0, Factor(patch, "singlePointsOfFailure")["value"]!.GetValue<double>());
        Assert.Equal("erp is a single point of failure of a service it reaches.", Factor(schema, "singlePointsOfFailure")["explanation"]!.GetValue<string>());
        Assert.Equal("PRE_APPROVED", patch["recommendedApproval"]!.GetValue<string>());
        foreach (var a in new[] { patch, schema })
            Assert.Equal(a["score"]!.GetValue<int>(), a["factors"]!.AsArray().Sum(f => f!["contribution"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AssessChange_RemovingSecondCatalogReplica_NamesThePrimaryAsNewSinglePointOfFailure()
    {
        var replica = await _api.IdAsync(Db, "pg-catalog-02.prod.fra1.acme.internal:5432");
        var primary = await _api.IdAsync(Db, "pg-catalog-01.prod.fra1.acme.internal:5432");
        var retire = new JsonArray(new JsonObject { ["kind"] = "RETIRE_CI", ["ciId"] = replica });
        var start = new DateTimeOffset(2026, 3, 3, 22, 0, 0, TimeSpan.Zero);

        var patch = await _api.AssessAsync(Input("Patch the replica", [replica], start));
        var removal = await _api.AssessAsync(Input("Decommission the replica", [replica], start, edits: retire));

        Assert.Contains(primary, removal["newSinglePointsOfFailure"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(removal["score"]!.GetValue<int>() > patch["score"]!.GetValue<int>());
        var graph = await estate.Host.Store.GetGraphAsync([replica], CancellationToken.None);
        Assert.True(graph.TryGetNode(replica, out var node) && graph.IsLiveAt(node, graph.Commits.Latest), "a what-if must not touch the live graph");
    }

    [Fact]
    public async Task AssessChange_OverlappingChangeOnAnotherDatabaseOfTheSameApp_CollidesThroughTheSharedApp()
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var catalog = await _api.IdAsync(Db, "pg-catalog/catalog");
        var catalogApi = await _api.IdAsync(WellKnown.Identifiers.CmdbKey, "app/catalog-api");
        var start = new DateTimeOffset(2026, 3, 4, 22, 0, 0, TimeSpan.Zero);
        var other = await _api.CreateAsync(Input("Catalog vacuum", [catalog], start.AddHours(1)));
        await _api.MoveAsync(other["id"]!.GetValue<string>(), "ASSESSED");

        var result = await _api.AssessAsync(Input("ERP upgrade", [erp], start));

        var collision = Assert.Single(result["collisions"]!.AsArray())!;
        Assert.Equal(other["id"]!.GetValue<string>(), collision["change"]!["id"]!.GetValue<string>());
        Assert.Equal("Catalog vacuum", collision["change"]!["title"]!.GetValue<string>());
        Assert.Contains(catalogApi, collision["sharedCiIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.DoesNotContain(erp, collision["sharedCiIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(collision["sharedCiIds"]!.AsArray().Count, collision["sharedCis"]!.AsArray().Count);
        Assert.True(Factor(result, "collisions")["contribution"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task AssessChange_RecordedChange_MatchesTheSameWhatIfAndDoesNotCollideWithItself()
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var input = Input("ERP index rebuild", [erp], new(2026, 3, 5, 22, 0, 0, TimeSpan.Zero));
        var id = (await _api.CreateAsync(input))["id"]!.GetValue<string>();
        await _api.MoveAsync(id, "ASSESSED");

        var recorded = await _api.AssessAsync(null, id);
        var whatIf = await _api.AssessAsync(input, id);

        Assert.Empty(recorded["collisions"]!.AsArray());
        Assert.Equal(recorded.ToJsonString(), whatIf.ToJsonString());
    }

    [Fact]
    public async Task AssessChange_NeitherIdNorInput_IsAValidationError()
    {
        var error = Support.ErrorAssert.Expect(await _api.AssessRawAsync(null), "VALIDATION", "Give a changeId");

        Assert.NotNull(error);
    }

    [Fact]
    public async Task AssessChange_RemovingARelationshipThatDoesNotExist_IsRefusedNamingIt()
    {
        var erp = await _api.IdAsync(Db, "pg-erp-01/erp");
        var catalog = await _api.IdAsync(Db, "pg-catalog/catalog");
        var edit = new JsonArray(new JsonObject { ["kind"] = "REMOVE_RELATIONSHIP", ["relationshipType"] = "DEPENDS_ON", ["sourceId"] = erp, ["targetId"] = catalog });

        Support.ErrorAssert.Expect(await _api.AssessRawAsync(Input("x", [erp], new(2026, 3, 6, 0, 0, 0, TimeSpan.Zero), edits: edit)),
            "VALIDATION", "but no such relationship exists");
    }
}
