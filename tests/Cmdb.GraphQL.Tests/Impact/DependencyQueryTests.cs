using System.Text.Json.Nodes;
using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>Query.dependencies, Query.paths and Query.singlePointsOfFailure on the demo estate.</summary>
public sealed class DependencyQueryTests : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    private readonly GraphQLTestHost _host;
    private readonly EstateFacts _facts;

    public DependencyQueryTests(ExampleOperationsTests.DemoEstate estate)
    {
        _host = estate.Host;
        _facts = new EstateFacts(_host);
    }

    [Fact]
    public async Task Dependencies_OfAnApplication_IncludeItsDatabaseAndItsHostWithPathsFromTheApplication()
    {
        var (app, databases, hosts) = await PayrollAsync();

        var result = (await _host.DataAsync(
            """
            query($id: ID!) { dependencies(ciId: $id) { ci { id } totalCount
              items(first: 200) { totalCount edges { node { depth ci { id class } path { from { id } to { id } relationship { type } } } } pageInfo { hasNextPage } } } }
            """,
            Vars(("id", app))))["dependencies"]!;
        var items = result["items"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToDictionary(n => n["ci"]!["id"]!.GetValue<string>(), StringComparer.Ordinal);

        Assert.Equal(app, result["ci"]!["id"]!.GetValue<string>());
        Assert.False(result["items"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(result["totalCount"]!.GetValue<int>(), items.Count);
        Assert.DoesNotContain(app, items.Keys);
        Assert.All(databases, db => Assert.Equal(1, items[db]["depth"]!.GetValue<int>()));
        foreach (var host in hosts)
        {
            Assert.True(items.TryGetValue(host, out var item), "the application's host is a dependency");
            var path = item["path"]!.AsArray();
            Assert.Equal(item["depth"]!.GetValue<int>(), path.Count);
            Assert.Equal(app, path[0]!["from"]!["id"]!.GetValue<string>());
            Assert.Equal(host, path[^1]!["to"]!["id"]!.GetValue<string>());
            Assert.InRange(path.Count, 1, 2);
        }
    }

    [Fact]
    public async Task Paths_FromAnApplicationToItsHost_AreChainsOfRelationshipsShortestFirst()
    {
        var (app, _, hosts) = await PayrollAsync();
        const string query = """
            query($from: ID!, $to: ID!, $k: Int) { paths(from: $from, to: $to, k: $k) { length steps { from { id } to { id } relationship { id type } } } }
            """;

        var three = (await _host.DataAsync(query, Vars(("from", app), ("to", hosts[0]))))["paths"]!.AsArray();
        var one = (await _host.DataAsync(query, Vars(("from", app), ("to", hosts[0]), ("k", 1))))["paths"]!.AsArray();

        Assert.InRange(three.Count, 1, 3);
        Assert.Single(one);
        Assert.True(JsonNode.DeepEquals(three[0], one[0]));
        Assert.Equal(three.Select(p => p!["length"]!.GetValue<int>()).Order(), three.Select(p => p!["length"]!.GetValue<int>()));
        foreach (var path in three)
        {
            var steps = path!["steps"]!.AsArray();
            Assert.Equal(path["length"]!.GetValue<int>(), steps.Count);
            Assert.Equal(app, steps[0]!["from"]!["id"]!.GetValue<string>());
            Assert.Equal(hosts[0], steps[^1]!["to"]!["id"]!.GetValue<string>());
            for (var i = 1; i < steps.Count; i++) Assert.Equal(steps[i - 1]!["to"]!["id"]!.GetValue<string>(), steps[i]!["from"]!["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task SinglePointsOfFailure_OfAServiceNeedingErpAndAReplicaSet_IncludeErpButNoReplicaMember()
    {
        var erp = await _facts.CiAsync(ErpScheme, ErpKey);
        var group = await _facts.CiAsync(WellKnown.Identifiers.CmdbKey, GroupKey);
        var members = (await _facts.RelationshipsAsync(group.Id, Direction.Incoming, WellKnown.RelationshipTypes.MemberOf)).Select(r => r.SourceId).ToArray();
        Assert.True(members.Length > group.MinHealthy, "the group must have a spare member");

        // The service: one that erp's loss takes down and that needs the group too, found from the data.
        var service = await ServiceNeedingAsync(erp.Id, members[0]);

        var spofs = (await _host.DataAsync(
            """query($id: ID!) { singlePointsOfFailure(serviceId: $id) { rank impactedCount depth ci { id name } } }""", Vars(("id", service))))["singlePointsOfFailure"]!.AsArray();
        var ids = spofs.Select(s => s!["ci"]!["id"]!.GetValue<string>()).ToArray();

        Assert.Contains(erp.Id, ids);
        Assert.DoesNotContain(members[0], ids);
        Assert.DoesNotContain(service, ids);
        Assert.Equal(Enumerable.Range(1, spofs.Count), spofs.Select(s => s!["rank"]!.GetValue<int>()));
        var counts = spofs.Select(s => s!["impactedCount"]!.GetValue<int>()).ToArray();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.All(counts, c => Assert.True(c >= 1, "a single point of failure takes at least the service down"));
    }

    /// <summary>The first business service (by id) that losing <paramref name="erp"/> takes down and losing <paramref name="member"/> does not.</summary>
    private async Task<string> ServiceNeedingAsync(string erp, string member)
    {
        const string query = """
            query($ids: [ID!]!) { impact(ciIds: $ids) { businessServices { ci { id } state } } }
            """;
        var downByErp = (await _host.DataAsync(query, Vars(("ids", Array([erp])))))["impact"]!["businessServices"]!.AsArray()
            .Where(s => s!["state"]!.GetValue<string>() == "DOWN").Select(s => s!["ci"]!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var reachedByMember = (await _host.DataAsync(query, Vars(("ids", Array([member])))))["impact"]!["businessServices"]!.AsArray()
            .ToDictionary(s => s!["ci"]!["id"]!.GetValue<string>(), s => s!["state"]!.GetValue<string>(), StringComparer.Ordinal);
        var candidates = downByErp.Where(id => reachedByMember.TryGetValue(id, out var state) && state != "DOWN").Order(StringComparer.Ordinal).ToArray();
        Assert.True(candidates.Length > 0, "some business service should need both the erp database and the replica set");
        return candidates[0];
    }

    /// <summary>The payroll application, the databases it depends on, and the hosts it or its instances run on.</summary>
    private async Task<(string App, string[] Databases, string[] Hosts)> PayrollAsync()
    {
        var app = await _facts.CiAsync(WellKnown.Identifiers.CmdbKey, PayrollAppKey);
        var needs = await _facts.NeighboursAsync(app.Id, Direction.Outgoing, WellKnown.RelationshipTypes.DependsOn);
        var databases = needs.Values.Where(ci => _facts.IsA(ci, WellKnown.Classes.Database)).Select(ci => ci.Id).ToArray();
        var hosts = new List<string>();
        foreach (var runner in needs.Keys.Append(app.Id))
            hosts.AddRange((await _facts.RelationshipsAsync(runner, Direction.Outgoing, WellKnown.RelationshipTypes.RunsOn)).Select(r => r.TargetId));
        Assert.True(databases.Length > 0 && hosts.Count > 0, "the payroll application should need a database and run somewhere");
        return (app.Id, databases, hosts.Distinct(StringComparer.Ordinal).ToArray());
    }
}
