using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>ImpactResult.export and DependencyResult.export on the demo estate.</summary>
public sealed class ImpactExportTests : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    private readonly GraphQLTestHost _host;
    private readonly EstateFacts _facts;

    public ImpactExportTests(ExampleOperationsTests.DemoEstate estate)
    {
        _host = estate.Host;
        _facts = new EstateFacts(_host);
    }

    [Theory]
    [InlineData("DOT")]
    [InlineData("MERMAID")]
    [InlineData("JSON")]
    public async Task Export_EachFormat_IsWellFormedAndNamesTheCis(string format)
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);

        var impact = (await _host.DataAsync(
            $$"""query($ids: [ID!]!) { impact(ciIds: $ids) { totalCount export(format: {{format}}) } }""", Vars(("ids", Array([erp.Id])))))["impact"]!;
        var text = impact["export"]!.GetValue<string>();

        Assert.Contains(erp.Name, text, StringComparison.Ordinal);
        switch (format)
        {
            case "DOT":
                Assert.StartsWith("digraph", text, StringComparison.Ordinal);
                Assert.EndsWith("}", text.TrimEnd(), StringComparison.Ordinal);
                Assert.Contains("->", text, StringComparison.Ordinal);
                break;
            case "MERMAID":
                Assert.StartsWith("flowchart", text, StringComparison.Ordinal);
                Assert.Contains("-->", text, StringComparison.Ordinal);
                break;
            default:
                var json = JsonNode.Parse(text)!;
                Assert.Equal(impact["totalCount"]!.GetValue<int>(), json["nodes"]!.AsArray().Count);
                Assert.NotEmpty(json["edges"]!.AsArray());
                Assert.Contains(json["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == erp.Id && n["state"]!.GetValue<string>() == "DOWN");
                break;
        }
    }

    [Fact]
    public async Task Export_OfDependencies_IsParseableJsonHoldingTheCi()
    {
        var app = await _facts.CiAsync(Domain.Model.WellKnown.Identifiers.CmdbKey, PayrollAppKey);

        var data = await _host.DataAsync("""query($id: ID!) { dependencies(ciId: $id) { totalCount export(format: JSON) } }""", Vars(("id", app.Id)));

        using var json = JsonDocument.Parse(data["dependencies"]!["export"]!.GetValue<string>());
        Assert.Equal(data["dependencies"]!["totalCount"]!.GetValue<int>() + 1, json.RootElement.GetProperty("nodes").GetArrayLength());
    }
}
