using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>
/// Selections of only id, class and name (and relationship id, type, wording) take the lean reads; their answers must
/// be exactly what the whole-document reads give.
/// </summary>
public sealed class ImpactLeanReadTests(ExampleOperationsTests.DemoEstate estate) : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    private const string Lean = """
        query($ids: [ID!]!) { impact(ciIds: $ids) {
          businessServices { ci { id name class } state depth }
          items(first: 100) { edges { node { ci { id name class } path { from { id name } to { id class } relationship { id type wording } } } } } } }
        """;

    // The same fields plus one more on each object, so every object takes the whole-document path.
    private const string Whole = """
        query($ids: [ID!]!) { impact(ciIds: $ids) {
          businessServices { ci { id name class version } state depth }
          items(first: 100) { edges { node { ci { id name class version } path { from { id name version } to { id class version } relationship { id type wording createdBy } } } } } } }
        """;

    private readonly GraphQLTestHost _host = estate.Host;

    [Fact]
    public async Task Impact_NamesOnlySelection_AnswersAsTheWholeDocumentRead()
    {
        var erp = await new EstateFacts(_host).CiAsync(ErpScheme, ErpKey);
        var vars = Vars(("ids", Array([erp.Id])));

        var lean = (await _host.DataAsync(Lean, vars))["impact"]!;
        var whole = (await _host.DataAsync(Whole, vars))["impact"]!;
        Strip(whole, "version");
        Strip(whole, "createdBy");

        Assert.NotEmpty(lean["businessServices"]!.AsArray());
        Assert.Contains(lean["items"]!["edges"]!.AsArray(), e => e!["node"]!["path"]!.AsArray().Count > 1);
        Assert.Equal(whole.ToJsonString(), lean.ToJsonString());
    }

    [Fact]
    public async Task BusinessServices_CiThroughFragmentsAndAliases_AnswerAsPlainFields()
    {
        var erp = await new EstateFacts(_host).CiAsync(ErpScheme, ErpKey);
        var vars = Vars(("ids", Array([erp.Id])));
        const string plain = "query($ids: [ID!]!) { impact(ciIds: $ids) { businessServices { ci { id name } other: ci { class } } } }";
        const string fragments = """
            query($ids: [ID!]!) { impact(ciIds: $ids) { businessServices { ci { id ...N } other: ci { ... on ConfigurationItem { class } } } } }
            fragment N on ConfigurationItem { name }
            """;

        var expected = (await _host.DataAsync(plain, vars))["impact"]!;
        var actual = (await _host.DataAsync(fragments, vars))["impact"]!;

        Assert.NotEmpty(expected["businessServices"]!.AsArray());
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
    }

    [Fact]
    public async Task Impact_CiSelectedTwiceWithMoreFieldsInAFragment_ReadsTheWholeCi()
    {
        var erp = await new EstateFacts(_host).CiAsync(ErpScheme, ErpKey);
        var vars = Vars(("ids", Array([erp.Id])));
        const string plain = """
            query($ids: [ID!]!) { impact(ciIds: $ids) { businessServices { ci { id criticality } }
              items(first: 20) { edges { node { ci { id owner } path { from { id environment } } } } } } }
            """;
        const string split = """
            query($ids: [ID!]!) { impact(ciIds: $ids) { businessServices { ci { id } ...S }
              items(first: 20) { edges { node { ci { id } ...I path { from { id } ...P } } } } } }
            fragment S on ImpactedService { ci { criticality } }
            fragment I on ImpactItem { ci { owner } }
            fragment P on PathStep { from { environment } }
            """;

        var expected = (await _host.DataAsync(plain, vars))["impact"]!;
        var actual = (await _host.DataAsync(split, vars))["impact"]!;

        Assert.Contains(expected["businessServices"]!.AsArray(), s => s!["ci"]!["criticality"] is not null);
        Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
    }

    [Fact]
    public async Task Impact_NamesOnlyAfterARename_ShowTheNewNameNowAndTheOldOneAsOfBefore()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var db = (await host.ApplyAsync(Topology.Ci(WellKnown.Classes.Database, "orders-db", "orders", scheme: WellKnown.Identifiers.DbKey, attributes: new JsonObject { ["engine"] = "postgres" }))).Results[0].EntityId;
        var app = (await host.ApplyAsync(Topology.Ci(WellKnown.Classes.Application, "orders-app", "app/orders"))).Results[0].EntityId;
        await host.ApplyAsync(Topology.Rel(WellKnown.RelationshipTypes.DependsOn, app, db));
        var before = host.Time.GetUtcNow();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var version = (await host.DataAsync($$"""{ ci(id: "{{db}}") { version } }"""))["ci"]!["version"]!.GetValue<long>();
        await host.DataAsync(
            $$"""mutation { updateCi(id: "{{db}}", expectedVersion: {{version}}, input: { name: "orders-db-renamed" }) { outcome } }""",
            actor: new Actor(ActorKind.User, "impact-tests"));
        const string query = """
            query($ids: [ID!]!, $at: DateTime) { impact(ciIds: $ids, asOf: $at) {
              items(first: 10) { edges { node { ci { name } path { from { name } } } } } } }
            """;

        var now = await host.DataAsync(query, Vars(("ids", Array([db]))));
        var past = await host.DataAsync(query, Vars(("ids", Array([db])), ("at", before.ToString("O"))));

        Assert.Equal(["orders-db-renamed", "orders-app"], Names(now));
        Assert.Equal("orders-db-renamed", now["impact"]!["items"]!["edges"]![1]!["node"]!["path"]![0]!["from"]!["name"]!.GetValue<string>());
        Assert.Equal(["orders-db", "orders-app"], Names(past));
        Assert.Equal("orders-db", past["impact"]!["items"]!["edges"]![1]!["node"]!["path"]![0]!["from"]!["name"]!.GetValue<string>());
    }

    private static string[] Names(JsonObject data) =>
        [.. data["impact"]!["items"]!["edges"]!.AsArray().Select(e => e!["node"]!["ci"]!["name"]!.GetValue<string>())];

    private static void Strip(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject o:
                o.Remove(name);
                foreach (var (_, child) in o) Strip(child, name);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child, name);
                break;
        }
    }
}
