using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Tests.Support;

namespace Cmdb.GraphQL.Tests.Diagnosis;

/// <summary>Query.diagnose and Query.whatChanged on the small seeded topology (shop → storefront → web-01, web-02, orders-db).</summary>
public sealed class DiagnosisQueryTests : SeededHostTests
{
    private const string Diagnose = """
        query($input: DiagnoseInput, $incidentId: ID) { diagnose(input: $input, incidentId: $incidentId) { candidateCount symptomCiIds
          causes(first: 5) { rank score ciId ci { id name class } pairedWith
            evidence { symptomsExplained symptomsExplainedIds symptomsUnexplainedIds healthyDependents healthyDependentIds pastIncidents indistinguishableFrom
              changes { at kind summary actor changeId ciId onCandidate } events { id name } } } } }
        """;

    private static string Input(string startedAt, params string[] symptoms) =>
        new JsonObject { ["input"] = new JsonObject { ["symptomCiIds"] = new JsonArray([.. symptoms.Select(s => (JsonNode)s)]), ["startedAt"] = startedAt } }.ToJsonString();

    private string Later(int minutes)
    {
        Host.Time.Advance(TimeSpan.FromMinutes(minutes));
        return Host.Time.GetUtcNow().ToString("O");
    }

    [Fact]
    public async Task Diagnose_ShopAndStorefrontDown_StorefrontFirstAndDiscoveredChangeShownOnItsDatabase()
    {
        var db = (await Host.Store.GetCisAsync([T.OrdersDb], null, CancellationToken.None))[T.OrdersDb];
        Host.Time.Advance(TimeSpan.FromMinutes(5));
        await Host.Store.ApplyAsync(
            new WriteBatch([new UpdateCi(T.OrdersDb, db.Version, new CiFields { Owner = "dba" })]), new Actor(ActorKind.Discovery, "postgres-scan"), CancellationToken.None);
        var start = Later(10);

        var data = await Host.DataAsync(Diagnose, Input(start, T.Shop, T.Storefront));

        var causes = data["diagnose"]!["causes"]!.AsArray();
        Assert.Equal(T.Storefront, causes[0]!["ci"]!["id"]!.GetValue<string>());
        Assert.Equal(2, causes[0]!["evidence"]!["symptomsExplained"]!.GetValue<int>());
        Assert.Equal(0, causes[0]!["evidence"]!["healthyDependents"]!.GetValue<int>());
        var dbCause = causes.Single(c => c!["ciId"]!.GetValue<string>() == T.OrdersDb)!;
        var change = dbCause["evidence"]!["changes"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "DISCOVERED")!;
        Assert.True(change["onCandidate"]!.GetValue<bool>());
        Assert.Equal(T.OrdersDb, change["ciId"]!.GetValue<string>());
        Assert.Equal("discovery:postgres-scan", change["actor"]!.GetValue<string>());
        Assert.Equal([T.OrdersDb], dbCause["evidence"]!["healthyDependentIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        var scores = causes.Select(c => c!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public async Task Diagnose_ByIncident_UsesItsSymptomsAndFindsARelatedOpenIncident()
    {
        Later(10);
        const string create = """
            mutation($s: [ID!]) { createIncident(input: { title: "shop down", severity: SEV1, symptomCiIds: $s }) { id } }
            """;
        var first = (await Host.DataAsync(create, new JsonObject { ["s"] = new JsonArray(T.Shop, T.Storefront) }.ToJsonString()))["createIncident"]!["id"]!.GetValue<string>();
        var second = (await Host.DataAsync(create, new JsonObject { ["s"] = new JsonArray(T.Storefront) }.ToJsonString()))["createIncident"]!["id"]!.GetValue<string>();

        var data = await Host.DataAsync(
            """query($id: ID) { diagnose(incidentId: $id) { symptomCiIds causes(first: 1) { ciId } relatedIncidents { incident { id } sharedCauseCiIds sharedCauses { id } } } }""",
            new JsonObject { ["id"] = first }.ToJsonString());

        Assert.Equal([T.Shop, T.Storefront], data["diagnose"]!["symptomCiIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        var related = Assert.Single(data["diagnose"]!["relatedIncidents"]!.AsArray())!;
        Assert.Equal(second, related["incident"]!["id"]!.GetValue<string>());
        Assert.Contains(T.Storefront, related["sharedCauseCiIds"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task WhatChanged_UpdateOnADependency_ListedNewestFirstWithItsDepth()
    {
        var since = Later(1);
        var db = (await Host.Store.GetCisAsync([T.OrdersDb], null, CancellationToken.None))[T.OrdersDb];
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        await Host.ApplyAsync(new UpdateCi(T.OrdersDb, db.Version, new CiFields { Owner = "dba" }));
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        var web = (await Host.Store.GetCisAsync([T.Web01], null, CancellationToken.None))[T.Web01];
        await Host.ApplyAsync(new UpdateCi(T.Web01, web.Version, new CiFields { Owner = "ops" }));

        var data = await Host.DataAsync(
            """query($ids: [ID!]!, $since: DateTime!) { whatChanged(ciIds: $ids, since: $since) { at ciId depth kind operation actor changes { field } ci { id } } }""",
            new JsonObject { ["ids"] = new JsonArray(T.Shop), ["since"] = since }.ToJsonString());

        var entries = data["whatChanged"]!.AsArray();
        Assert.Equal([T.Web01, T.OrdersDb], entries.Select(e => e!["ciId"]!.GetValue<string>()));
        Assert.All(entries, e => Assert.Equal(2, e!["depth"]!.GetValue<int>()));
        Assert.All(entries, e => Assert.Equal("MANUAL", e!["kind"]!.GetValue<string>()));
        Assert.Equal("update", entries[0]!["operation"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhatChanged_DepthZero_OnlyTheCisThemselves()
    {
        var since = Later(1);
        var db = (await Host.Store.GetCisAsync([T.OrdersDb], null, CancellationToken.None))[T.OrdersDb];
        await Host.ApplyAsync(new UpdateCi(T.OrdersDb, db.Version, new CiFields { Owner = "dba" }));

        var data = await Host.DataAsync(
            """query($ids: [ID!]!, $since: DateTime!) { whatChanged(ciIds: $ids, since: $since, depth: 0) { ciId } }""",
            new JsonObject { ["ids"] = new JsonArray(T.Storefront), ["since"] = since }.ToJsonString());

        Assert.Empty(data["whatChanged"]!.AsArray());
    }
}
