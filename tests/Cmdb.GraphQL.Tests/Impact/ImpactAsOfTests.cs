using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>Impact as of a moment before a relationship was removed (by mutation) still travels over it.</summary>
public sealed class ImpactAsOfTests : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    private const string Query = """
        query($ids: [ID!]!, $app: ID!, $at: DateTime) { impact(ciIds: $ids, asOf: $at) {
          totalCount item(ciId: $app) { state depth ci { name asOf } path { relationship { id } } } } }
        """;

    private readonly GraphQLTestHost _host;
    private readonly EstateFacts _facts;

    public ImpactAsOfTests(ExampleOperationsTests.DemoEstate estate)
    {
        _host = estate.Host;
        _facts = new EstateFacts(_host);
    }

    [Fact]
    public async Task Impact_AsOfBeforeARelationshipWasRemoved_StillPropagatesOverIt()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        var app = await _facts.CiAsync(WellKnown.Identifiers.CmdbKey, PayrollAppKey);
        var link = (await _facts.RelationshipsAsync(app.Id, Direction.Outgoing, WellKnown.RelationshipTypes.DependsOn)).Single(r => r.TargetId == erp.Id);
        var before = _host.Time.GetUtcNow();
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await _host.DataAsync($$"""mutation { removeRelationship(id: "{{link.Id}}") { relationship { validTo } } }""", actor: new Actor(ActorKind.User, "impact-tests"));

        var past = (await _host.DataAsync(Query, Vars(("ids", Array([erp.Id])), ("app", app.Id), ("at", before.ToString("O")))))["impact"]!;
        var now = (await _host.DataAsync(Query, Vars(("ids", Array([erp.Id])), ("app", app.Id))))["impact"]!;

        var item = past["item"]!;
        Assert.Equal(("DOWN", 1), (item["state"]!.GetValue<string>(), item["depth"]!.GetValue<int>()));
        Assert.Equal($$$"""[{"relationship":{"id":"{{{link.Id}}}"}}]""", item["path"]!.ToJsonString());
        Assert.Equal(app.Name, item["ci"]!["name"]!.GetValue<string>());
        Assert.Equal(before, DateTimeOffset.Parse(item["ci"]!["asOf"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(now["item"] is null || now["item"]!["depth"]!.GetValue<int>() > 1, "after the removal erp no longer reaches the application directly");
        Assert.DoesNotContain(link.Id, now.ToJsonString(), StringComparison.Ordinal);
        Assert.True(past["totalCount"]!.GetValue<int>() >= now["totalCount"]!.GetValue<int>());
    }
}
