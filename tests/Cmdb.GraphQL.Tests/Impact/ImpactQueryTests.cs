using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>Query.impact on the demo estate: states, business services, filters and summary.</summary>
public sealed class ImpactQueryTests : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    internal const string ImpactQuery = """
        query($ids: [ID!]!) {
          impact(ciIds: $ids) {
            totalCount
            businessServices { ci { id name class criticality } state depth }
            items(first: 200) { totalCount edges { node { state depth isCause ci { id class environment } } } pageInfo { hasNextPage } }
          }
        }
        """;

    private readonly GraphQLTestHost _host;
    private readonly EstateFacts _facts;

    public ImpactQueryTests(ExampleOperationsTests.DemoEstate estate)
    {
        _host = estate.Host;
        _facts = new EstateFacts(_host);
    }

    [Fact]
    public async Task Impact_ErpDatabase_TakesDownTheAppsThatNeedItAndReportsTheirServicesWithCriticality()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        var apps = (await _facts.NeighboursAsync(erp.Id, Direction.Incoming, WellKnown.RelationshipTypes.DependsOn)).Values
            .Where(ci => _facts.IsA(ci, WellKnown.Classes.Application)).ToArray();
        var services = new Dictionary<string, Domain.Items.ConfigurationItem>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
            foreach (var (id, ci) in await _facts.NeighboursAsync(app.Id, Direction.Incoming, WellKnown.RelationshipTypes.DependsOn))
            {
                if (_facts.IsA(ci, WellKnown.Classes.BusinessService)) services[id] = ci;
            }
        }

        Assert.True(apps.Length > 1 && services.Count > 0, "the demo estate's erp database should be needed by several applications and, through them, by business services");

        var impact = (await _host.DataAsync(ImpactQuery, Vars(("ids", Array([erp.Id])))))["impact"]!;
        var items = Items(impact);

        Assert.False(impact["items"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(impact["totalCount"]!.GetValue<int>(), items.Count);
        Assert.Equal(("DOWN", 0, true), Entry(items[erp.Id]));
        Assert.All(apps, app => Assert.Equal(("DOWN", 1, false), Entry(items[app.Id])));
        var reported = impact["businessServices"]!.AsArray().ToDictionary(s => s!["ci"]!["id"]!.GetValue<string>(), s => s!, StringComparer.Ordinal);
        foreach (var (id, service) in services)
        {
            Assert.True(reported.TryGetValue(id, out var entry), $"business service {service.Name} is missing");
            Assert.Equal("DOWN", entry["state"]!.GetValue<string>());
            Assert.InRange(entry["depth"]!.GetValue<int>(), 1, 2);
            Assert.Equal(service.Criticality, entry["ci"]!["criticality"]!.GetValue<int?>());
            Assert.Equal(service.Name, entry["ci"]!["name"]!.GetValue<string>());
        }

        Assert.All(reported.Values, s => Assert.True(_facts.Model.IsA(s["ci"]!["class"]!.GetValue<string>(), WellKnown.Classes.BusinessService)));
        Assert.All(reported.Keys, id => Assert.True(items.ContainsKey(id), "every business service reported is an item too"));
    }

    [Fact]
    public async Task Summary_OfErpImpact_CountsEveryItemExactly()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);

        var impact = (await _host.DataAsync(
            """
            query($ids: [ID!]!) { impact(ciIds: $ids) {
              totalCount
              summary { total down degraded atRisk byState { state count } byClass { class count } byEnvironment { environment count } byCriticality { criticality count } }
              items(first: 200) { edges { node { state ci { class environment criticality } } } } } }
            """,
            Vars(("ids", Array([erp.Id])))))["impact"]!;
        var nodes = impact["items"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToArray();
        var summary = impact["summary"]!;

        Assert.Equal(["DOWN", "DEGRADED", "AT_RISK"], summary["byState"]!.AsArray().Select(s => s!["state"]!.GetValue<string>()));
        Assert.Equal(Counts(nodes, n => n["state"]!.GetValue<string>()), Pairs(summary["byState"]!, "state").Where(p => p.Value > 0).ToDictionary());
        Assert.Equal(Counts(nodes, n => n["ci"]!["class"]!.GetValue<string>()), Pairs(summary["byClass"]!, "class").ToDictionary());
        Assert.Equal(Counts(nodes, n => n["ci"]!["environment"]?.GetValue<string>() ?? "-"), Pairs(summary["byEnvironment"]!, "environment").ToDictionary());
        Assert.Equal(Counts(nodes, n => n["ci"]!["criticality"]?.ToJsonString() ?? "-"), Pairs(summary["byCriticality"]!, "criticality").ToDictionary());
        Assert.Equal(impact["totalCount"]!.GetValue<int>(), summary["byState"]!.AsArray().Sum(s => s!["count"]!.GetValue<int>()));
        Assert.Equal(impact["totalCount"]!.GetValue<int>(), summary["total"]!.GetValue<int>());
        Assert.Equal(
            summary["byState"]!.AsArray().Select(s => s!["count"]!.GetValue<int>()),
            new[] { summary["down"]!.GetValue<int>(), summary["degraded"]!.GetValue<int>(), summary["atRisk"]!.GetValue<int>() });
    }

    [Fact]
    public async Task CiImpact_ReadsLikeQueryImpactOfThatCi()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        const string fields = "totalCount businessServices { ci { id } state depth } items(first: 200) { edges { cursor node { state depth ci { id } } } }";

        var onCi = await _host.DataAsync($$"""query($id: ID!) { ci(id: $id) { impact(maxDepth: 4) { {{fields}} } } }""", Vars(("id", erp.Id)));
        var top = await _host.DataAsync($$"""query($ids: [ID!]!) { impact(ciIds: $ids, maxDepth: 4) { {{fields}} } }""", Vars(("ids", Array([erp.Id]))));

        Assert.True(JsonNode.DeepEquals(top["impact"], onCi["ci"]!["impact"]), onCi.ToJsonString());
    }

    [Fact]
    public async Task Impact_EnvironmentFilterAndDepth_NarrowWhatIsReported()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        const string query = """
            query($ids: [ID!]!, $env: [String!], $depth: Int) { impact(ciIds: $ids, environments: $env, maxDepth: $depth) {
              totalCount items(first: 200) { edges { node { depth ci { environment } } } } } }
            """;

        var all = (await _host.DataAsync(query, Vars(("ids", Array([erp.Id])))))["impact"]!;
        var production = (await _host.DataAsync(query, Vars(("ids", Array([erp.Id])), ("env", Array([erp.Environment!])))))["impact"]!;
        var nowhere = (await _host.DataAsync(query, Vars(("ids", Array([erp.Id])), ("env", Array(["no-such-environment"])))))["impact"]!;
        var shallow = (await _host.DataAsync(query, Vars(("ids", Array([erp.Id])), ("depth", 1))))["impact"]!;

        var productionNodes = production["items"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToArray();
        Assert.All(productionNodes, n => Assert.Equal(erp.Environment, n["ci"]!["environment"]!.GetValue<string>()));
        Assert.Equal(
            all["items"]!["edges"]!.AsArray().Count(e => e!["node"]!["ci"]!["environment"]?.GetValue<string>() == erp.Environment),
            production["totalCount"]!.GetValue<int>());
        Assert.Equal(0, nowhere["totalCount"]!.GetValue<int>());
        Assert.All(shallow["items"]!["edges"]!.AsArray(), e => Assert.InRange(e!["node"]!["depth"]!.GetValue<int>(), 0, 1));
        Assert.True(shallow["totalCount"]!.GetValue<int>() < all["totalCount"]!.GetValue<int>());
    }

    internal static Dictionary<string, JsonNode> Items(JsonNode impact) =>
        impact["items"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToDictionary(n => n["ci"]!["id"]!.GetValue<string>(), StringComparer.Ordinal);

    internal static (string, int, bool) Entry(JsonNode item) =>
        (item["state"]!.GetValue<string>(), item["depth"]!.GetValue<int>(), item["isCause"]!.GetValue<bool>());

    private static Dictionary<string, int> Counts(IEnumerable<JsonNode> nodes, Func<JsonNode, string> key) =>
        nodes.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, int>> Pairs(JsonNode list, string keyField) =>
        list.AsArray().Select(p => KeyValuePair.Create(p![keyField]?.ToJsonString().Trim('"') ?? "-", p["count"]!.GetValue<int>()));
}
