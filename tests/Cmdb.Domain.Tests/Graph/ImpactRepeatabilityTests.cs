using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Cmdb.Testing.Diagnosis;
using Xunit;

namespace Cmdb.Domain.Tests.Topology;

public class ImpactRepeatabilityTests
{
    /// <summary>The pooled scratch (marks, links) must not leak one run into the next: the same question, the same answer.</summary>
    [Fact]
    public void Impact_AskedAgainAfterOtherRuns_GivesTheSameItemsStatesAndPaths()
    {
        var graph = MicroserviceEstate.Build(TestModels.Seed, 60, 3, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var analyzer = new ImpactAnalyzer();
        var ids = Enumerable.Range(0, graph.NodeCount).Select(graph.CiId).ToArray();
        var first = ids.Select(id => Describe(analyzer.Impact(graph, [id]))).ToArray();
        var second = ids.Select(id => Describe(analyzer.Impact(graph, [id]))).ToArray();
        for (var i = 0; i < ids.Length; i++) Assert.True(first[i] == second[i], $"{ids[i]}:\n{first[i]}\n---\n{second[i]}");
    }

    private static string Describe(ImpactResult result) => string.Join('\n', result.Items(0, result.TotalCount)
        .Select(item => $"{item.CiId} {item.State} {item.Depth} {string.Join(',', result.PathTo(item.CiId)!.Select(p => p.RelationshipKey))}"));
}
