using Cmdb.Domain.Model;
using Cmdb.Domain.Relationships;
using Cmdb.GraphQL.Tests.Support;
using static Cmdb.GraphQL.Tests.Impact.EstateFacts;
using static Cmdb.GraphQL.Tests.Impact.ImpactQueryTests;

namespace Cmdb.GraphQL.Tests.Impact;

/// <summary>Redundancy through Query.impact: expectations come from the group's minHealthy and members in the data.</summary>
public sealed class ImpactRedundancyTests : IClassFixture<ExampleOperationsTests.DemoEstate>
{
    private readonly GraphQLTestHost _host;
    private readonly EstateFacts _facts;

    public ImpactRedundancyTests(ExampleOperationsTests.DemoEstate estate)
    {
        _host = estate.Host;
        _facts = new EstateFacts(_host);
    }

    [Fact]
    public async Task Impact_OneMemberOfARedundancyGroup_LeavesTheGroupDegradedAndWhatRunsOnItAtRisk()
    {
        var (group, members, minHealthy) = await GroupAsync();
        Assert.True(members.Length - 1 >= minHealthy, $"the group needs spare members for this test: {members.Length} members, minHealthy {minHealthy}");
        var users = await _facts.NeighboursAsync(group, Direction.Incoming, WellKnown.RelationshipTypes.RunsOn);

        var items = Items((await _host.DataAsync(ImpactQuery, Vars(("ids", Array([members[0]])))))["impact"]!);

        Assert.Equal("DEGRADED", items[group]["state"]!.GetValue<string>());
        Assert.NotEmpty(users);
        Assert.All(users.Keys, id => Assert.Equal("AT_RISK", items[id]["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Impact_EnoughMembersOfARedundancyGroupAtOnce_TakesTheGroupAndWhatRunsOnItDown()
    {
        var (group, members, minHealthy) = await GroupAsync();
        var lost = members.Take(members.Length - minHealthy + 1).ToArray();
        var fewer = members.Take(members.Length - minHealthy).ToArray();
        var users = await _facts.NeighboursAsync(group, Direction.Incoming, WellKnown.RelationshipTypes.RunsOn);

        var down = Items((await _host.DataAsync(ImpactQuery, Vars(("ids", Array(lost)))))["impact"]!);
        var survives = Items((await _host.DataAsync(ImpactQuery, Vars(("ids", Array(fewer)))))["impact"]!);

        Assert.Equal("DOWN", down[group]["state"]!.GetValue<string>());
        Assert.All(users.Keys, id => Assert.Equal("DOWN", down[id]["state"]!.GetValue<string>()));
        Assert.All(lost, id => Assert.Equal(("DOWN", 0, true), Entry(down[id])));
        Assert.Equal("DEGRADED", survives[group]["state"]!.GetValue<string>());
    }

    private async Task<(string Group, string[] Members, int MinHealthy)> GroupAsync()
    {
        var group = await _facts.CiAsync(WellKnown.Identifiers.CmdbKey, GroupKey);
        var members = (await _facts.RelationshipsAsync(group.Id, Direction.Incoming, WellKnown.RelationshipTypes.MemberOf))
            .Select(r => r.SourceId).Order(StringComparer.Ordinal).ToArray();
        Assert.True(group.MinHealthy is > 0 && members.Length >= group.MinHealthy, $"{GroupKey} should be a redundancy group with members");
        return (group.Id, members, group.MinHealthy!.Value);
    }
}
