using Cmdb.Domain.Graph;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using Xunit;
using static Cmdb.Domain.Model.WellKnown.Classes;

namespace Cmdb.Domain.Tests.Topology;

/// <summary>
/// A writer that knows a CI's node updates it by node (<see cref="GraphIndex.UpdateNode"/>): the index must end up
/// exactly as after <see cref="GraphIndex.UpsertNode(string, int, CiStatus, string?, int?, int?, int)"/> by id, and a
/// write that keeps the facts must add no state.
/// </summary>
public class GraphIndexUpdateNodeTests
{
    private const string Id = "01JBQ0000000000000000000AA";

    public static TheoryData<CiStatus, string?, int?, int?> Facts => new()
    {
        { CiStatus.Active, "production", 2, null }, // the facts it holds
        { CiStatus.Maintenance, "production", 2, null },
        { CiStatus.Active, "staging", 2, null },
        { CiStatus.Active, null, 2, null },
        { CiStatus.Active, "production", 3, null },
        { CiStatus.Active, "production", null, null },
        { CiStatus.Active, "production", 2, 2 },
        { CiStatus.Retired, "production", 2, null },
    };

    [Theory]
    [MemberData(nameof(Facts))]
    public void UpdateNode_ByNode_LeavesTheStatesUpsertNodeByIdLeaves(CiStatus status, string? environment, int? criticality, int? minHealthy)
    {
        var byId = Seeded(out var node);
        var byNode = Seeded(out _);
        var classIndex = byId.Model.GetClass(Application).Index;

        byId.UpsertNode(Id, classIndex, status, environment, criticality, minHealthy, 2);
        byNode.UpdateNode(node, classIndex, status, environment, criticality, minHealthy, 2);

        Assert.Equal(Describe(byId, node, 2), Describe(byNode, node, 2));
        Assert.Equal(Describe(byId, node, 1), Describe(byNode, node, 1));
        var expectedSince = (status, environment, criticality, minHealthy) == (CiStatus.Active, "production", 2, null) ? 1 : 2;
        Assert.Equal(expectedSince, byNode.StateAt(node, int.MaxValue)!.SinceSeq);
        Assert.Equal(Id, byNode.CiId(node));
        Assert.Equal(1, byNode.NodeCount);
    }

    [Fact]
    public void UpdateNode_OfANodeTheIndexDoesNotHave_IsRefused()
    {
        var graph = Seeded(out var node);
        var classIndex = graph.Model.GetClass(Application).Index;

        Assert.Throws<ArgumentOutOfRangeException>(() => graph.UpdateNode(node + 1, classIndex, CiStatus.Active, null, null, null, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.UpdateNode(-1, classIndex, CiStatus.Active, null, null, null, 2));
        Assert.Equal(1, graph.NodeCount);
    }

    private static GraphIndex Seeded(out int node)
    {
        var graph = new GraphIndex(TestModels.Seed);
        node = graph.UpsertNode(Id, graph.Model.GetClass(Application).Index, CiStatus.Active, "production", 2, null, 1);
        return graph;
    }

    private static string Describe(GraphIndex graph, int node, int seq) =>
        graph.StateAt(node, seq) is not { } s
            ? "none"
            : $"{s.ClassIndex} {s.Status} {graph.EnvironmentName(s.EnvironmentIndex)} {s.Criticality} {s.MinHealthy} since {s.SinceSeq}";
}
