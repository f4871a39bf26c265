using System.Text.Json.Nodes;
using Cmdb.Domain.Relationships;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>ImpactResult.items paging and paths on the demo estate.</summary>
public sealed class ImpactItemsTests : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    private readonly GraphQLTestHost _host;
    private readonly EstateFacts _facts;

    public ImpactItemsTests(ExampleOperationsTests.DemoEstate estate)
    {
        _host = estate.Host;
        _facts = new EstateFacts(_host);
    }

    [Fact]
    public async Task Items_PagedWithCursors_VisitEveryItemOnceInTheSinglePageOrder()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        const string query = """
            query($ids: [ID!]!, $first: Int, $after: String) { impact(ciIds: $ids) {
              totalCount items(first: $first, after: $after) { totalCount edges { cursor node { ci { id } } } pageInfo { hasNextPage endCursor } } } }
            """;
        var whole = (await _host.DataAsync(query, Vars(("ids", Array([erp.Id])), ("first", 500))))["impact"]!;
        var expected = Ids(whole["items"]!);
        var total = whole["totalCount"]!.GetValue<int>();
        Assert.True(total > 7, $"the erp impact should span several pages of 3; it has {total} items");

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var items = (await _host.DataAsync(query, Vars(("ids", Array([erp.Id])), ("first", 3), ("after", after))))["impact"]!["items"]!;
            Assert.Equal(total, items["totalCount"]!.GetValue<int>());
            var edges = items["edges"]!.AsArray();
            Assert.InRange(edges.Count, 1, 3);
            Assert.Equal(edges[^1]!["cursor"]!.GetValue<string>(), items["pageInfo"]!["endCursor"]!.GetValue<string>());
            seen.AddRange(Ids(items));
            pages++;
            if (!items["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = items["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, seen);
        Assert.Equal(total, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((total + 2) / 3, pages);
    }

    [Fact]
    public async Task Items_AfterTheLastCursor_IsAnEmptyLastPage()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        const string query = """query($ids: [ID!]!, $after: String) { impact(ciIds: $ids) { items(first: 500, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } } }""";
        var last = (await _host.DataAsync(query, Vars(("ids", Array([erp.Id])))))["impact"]!["items"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var beyond = (await _host.DataAsync(query, Vars(("ids", Array([erp.Id])), ("after", last))))["impact"]!["items"]!;

        Assert.Equal("""{"edges":[],"pageInfo":{"hasNextPage":false,"endCursor":null}}""", beyond.ToJsonString());
    }

    [Fact]
    public async Task Path_OfEachItem_StartsAtACauseAndChainsRelationshipsToTheItem()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        var impact = (await _host.DataAsync(
            """
            query($ids: [ID!]!) { impact(ciIds: $ids) { items(first: 200) { edges { node { isCause ci { id }
              path { from { id } to { id } relationship { id type source { id } target { id } } } } } } } }
            """,
            Vars(("ids", Array([erp.Id])))))["impact"]!;

        var nodes = impact["items"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToArray();
        Assert.Contains(nodes, n => n["path"]!.AsArray().Count >= 2);
        foreach (var node in nodes)
        {
            var id = node["ci"]!["id"]!.GetValue<string>();
            var path = node["path"]!.AsArray();
            if (node["isCause"]!.GetValue<bool>())
            {
                Assert.Empty(path);
                continue;
            }

            Assert.Equal(erp.Id, path[0]!["from"]!["id"]!.GetValue<string>());
            Assert.Equal(id, path[^1]!["to"]!["id"]!.GetValue<string>());
            for (var i = 0; i < path.Count; i++)
            {
                var step = path[i]!;
                var ends = new[] { step["relationship"]!["source"]!["id"]!.GetValue<string>(), step["relationship"]!["target"]!["id"]!.GetValue<string>() };
                Assert.Equal(ends.Order(StringComparer.Ordinal), new[] { step["from"]!["id"]!.GetValue<string>(), step["to"]!["id"]!.GetValue<string>() }.Order(StringComparer.Ordinal));
                if (i > 0) Assert.Equal(path[i - 1]!["to"]!["id"]!.GetValue<string>(), step["from"]!["id"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task Path_RelationshipIds_AreTheStoresRelationshipIds()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        var dependents = await _facts.RelationshipsAsync(erp.Id, Direction.Incoming, Domain.Model.WellKnown.RelationshipTypes.DependsOn);
        var app = dependents[0];

        var item = (await _host.DataAsync(
            """query($ids: [ID!]!, $app: ID!) { impact(ciIds: $ids) { item(ciId: $app) { path { relationship { id type } } } } }""",
            Vars(("ids", Array([erp.Id])), ("app", app.SourceId))))["impact"]!["item"]!;

        Assert.Equal($$$"""[{"relationship":{"id":"{{{app.Id}}}","type":"{{{app.Type}}}"}}]""", item["path"]!.ToJsonString());
    }

    private static List<string> Ids(JsonNode items) =>
        items["edges"]!.AsArray().Select(e => e!["node"]!["ci"]!["id"]!.GetValue<string>()).ToList();
}
