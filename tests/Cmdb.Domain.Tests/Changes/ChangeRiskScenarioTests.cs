using Cmdb.Domain.Changes;
using static Cmdb.Domain.Tests.Changes.ChangeEstate;

namespace Cmdb.Domain.Tests.Changes;

public class ChangeRiskScenarioTests
{
    [Fact]
    public void Assess_PatchOneNodeOfThreeNodeCluster_ScoresBelow_SchemaChangeToSinglePrimaryDbInFreeze()
    {
        var graph = Build();
        var assessor = new ChangeRiskAssessor(FreezeOn(startHour: 0, hours: 48));
        var calm = new ChangeRiskAssessor(new ChangeRiskOptions());

        var patch = calm.Assess(Spec(["node1"], ChangeType.Standard, template: "os-patch"), null,
            Context(graph) with { Template = Template("os-patch", "VirtualMachine") });
        var schema = assessor.Assess(Spec(["db"], rollback: null), null, Context(graph));

        Assert.True(patch.Score < schema.Score, $"patch {patch.Score} should score below schema {schema.Score}");
        Assert.Equal(RiskLevel.Low, patch.Level);
        Assert.Equal(ApprovalPath.PreApproved, patch.RecommendedApproval);
        Assert.Equal(RiskLevel.Critical, schema.Level);
        Assert.Equal(ApprovalPath.Cab, schema.RecommendedApproval);
        Assert.Equal(1, Factor(schema, RiskFactorNames.SinglePointsOfFailure).Value);
        Assert.Equal(0, Factor(patch, RiskFactorNames.SinglePointsOfFailure).Value);
    }

    [Fact]
    public void Assess_StandardChangeWithTemplateThatIsNotLow_TemplateDoesNotShieldIt()
    {
        var assessor = new ChangeRiskAssessor(FreezeOn(0, 48));

        var result = assessor.Assess(Spec(["db"], ChangeType.Standard, template: "db-patch"), null,
            Context(Build()) with { Template = Template("db-patch", "Database", RiskLevel.Medium) });

        Assert.NotEqual(RiskLevel.Low, result.Level);
        Assert.NotEqual(ApprovalPath.PreApproved, result.RecommendedApproval);
    }

    [Fact]
    public void Assess_EmergencyChange_GoesToEmergencyCab()
    {
        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(Spec(["scratch"], ChangeType.Emergency), null, Context(Build()));

        Assert.Equal(ApprovalPath.EmergencyCab, result.RecommendedApproval);
    }

    [Fact]
    public void Assess_RemovingSecondReplica_ShowsTheSurvivorAsNewSinglePointOfFailure_AndScoresAbove_PatchingIt()
    {
        var graph = Build();
        var assessor = new ChangeRiskAssessor(new ChangeRiskOptions());
        var retire = new TopologyEdit(TopologyEditKind.RetireCi, CiId: "replica2");

        var patch = assessor.Assess(Spec(["replica2"]), null, Context(graph));
        var removal = assessor.Assess(Spec(["replica2"], edits: [retire]), null, Context(graph));

        Assert.Equal(["replica1"], removal.NewSinglePointsOfFailure);
        Assert.Contains("replica1", Factor(removal, RiskFactorNames.SinglePointsOfFailure).Explanation, StringComparison.Ordinal);
        Assert.True(removal.Score > patch.Score, $"removal {removal.Score} should score above patch {patch.Score}");
        Assert.True(graph.TryGetNode("replica2", out var node) && graph.IsLiveAt(node, graph.Commits.Latest), "the live index is untouched");
    }

    [Fact]
    public void Assess_AfterApprovedEarlierChangeRemovesAReplica_LaterPatchOfTheOtherReplicaMeetsASinglePoint()
    {
        var graph = Build();
        var assessor = new ChangeRiskAssessor(new ChangeRiskOptions());
        var earlier = Record("c1", Spec(["replica2"], startHour: 1, hours: 1, edits: [new TopologyEdit(TopologyEditKind.RetireCi, CiId: "replica2")]),
            ChangeState.Approved);

        var alone = assessor.Assess(Spec(["replica1"]), null, Context(graph));
        var after = assessor.Assess(Spec(["replica1"]), null, Context(graph, [earlier]));

        Assert.Equal(0, Factor(alone, RiskFactorNames.SinglePointsOfFailure).Value);
        Assert.Equal(1, Factor(after, RiskFactorNames.SinglePointsOfFailure).Value);
        Assert.True(after.Score > alone.Score);
    }

    [Fact]
    public void Assess_OverlappingChangeOnSharedDependency_IsACollisionNamingTheSharedCis()
    {
        var graph = Build();
        var other = Record("c-db", Spec(["db"], startHour: 11));

        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(Spec(["node1"]), null, Context(graph, [other]));

        var collision = Assert.Single(result.Collisions);
        Assert.Equal("c-db", collision.ChangeId);
        Assert.Equal(["app", "shop"], collision.SharedCiIds);
        Assert.Contains("c-db (app, shop)", Factor(result, RiskFactorNames.Collisions).Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12, ChangeState.Scheduled)] // starts when this one ends: windows do not overlap
    [InlineData(11, ChangeState.Cancelled)]
    [InlineData(11, ChangeState.Draft)]
    public void Assess_ChangeOutsideWindowOrNotLive_IsNoCollision(int startHour, ChangeState state)
    {
        var other = Record("c-db", Spec(["db"], startHour: startHour), state);

        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(Spec(["node1"]), null, Context(Build(), [other]));

        Assert.Empty(result.Collisions);
    }

    [Fact]
    public void Assess_UnrelatedOverlappingChange_IsNoCollision()
    {
        var other = Record("c-rep", Spec(["replica1"], startHour: 10));

        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(Spec(["node1"]), null, Context(Build(), [other]));

        Assert.Empty(result.Collisions);
    }

    [Fact]
    public void Assess_RecordedChange_IsNotItsOwnCollision()
    {
        var spec = Spec(["db"]);
        var self = Record("c1", spec);

        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(spec, "c1", Context(Build(), [self]));

        Assert.Empty(result.Collisions);
    }

    [Fact]
    public void Assess_FailedHistoryAndStaleOwnerlessTargets_ExplainThemselves()
    {
        var history = new[]
        {
            new ChangeOutcomeEntry("old1", "db", "Database", ChangeOutcome.Failed, Now.AddDays(-3)),
            new ChangeOutcomeEntry("old2", "db", "Database", ChangeOutcome.Completed, Now.AddDays(-2)),
            new ChangeOutcomeEntry("old3", "db", "Database", ChangeOutcome.Failed, Now.AddDays(-400)), // too old
        };
        var facts = new Dictionary<string, CiFacts> { ["db"] = new("db", null, Now.AddDays(-90)) };

        var result = new ChangeRiskAssessor(new ChangeRiskOptions()).Assess(Spec(["db"]), null, Context(Build(), history: history, facts: facts));

        Assert.Equal(0.5, Factor(result, RiskFactorNames.FailureRate).Value);
        Assert.Contains("1 of 2 on these CIs", Factor(result, RiskFactorNames.FailureRate).Explanation, StringComparison.Ordinal);
        var uncertainty = Factor(result, RiskFactorNames.Uncertainty);
        Assert.Equal(1, uncertainty.Value);
        Assert.Contains("no owner: db", uncertainty.Explanation, StringComparison.Ordinal);
        Assert.Contains("not confirmed for 30 days: db", uncertainty.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_Always_ReportsEveryFactorOnceWithContributionsSummingToScore()
    {
        var result = new ChangeRiskAssessor(FreezeOn(0, 48)).Assess(Spec(["db", "node1"], rollback: null, tests: null), null, Context(Build()));

        Assert.Equal(14, result.Factors.Select(f => f.Name).Distinct().Count());
        Assert.Equal(result.Score, result.Factors.Sum(f => f.Contribution));
        Assert.All(result.Factors, f => Assert.False(string.IsNullOrWhiteSpace(f.Explanation)));
    }

    internal static RiskFactor Factor(ChangeAssessment a, string name) => a.Factors.Single(f => f.Name == name);
}
