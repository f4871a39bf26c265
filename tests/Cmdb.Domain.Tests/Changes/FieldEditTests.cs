using System.Text.Json.Nodes;
using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Items;
using Cmdb.Testing;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;
using static Cmdb.Domain.Tests.Changes.ChangeEstate;

namespace Cmdb.Domain.Tests.Changes;

/// <summary>SET_FIELD edits: validated, applied to the what-if topology when they matter to impact, and verified afterwards.</summary>
public class FieldEditTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ChangeRiskAssessor _assessor = new(new ChangeRiskOptions());

    private static TopologyEdit Set(string ci, string field, string? value) => new(TopologyEditKind.SetField, CiId: ci, Field: field, Value: value);

    [Theory]
    [InlineData("status", "GONE", "use PLANNED, ACTIVE, MAINTENANCE or RETIRED")]
    [InlineData("status", "3", "use PLANNED, ACTIVE")]
    [InlineData("minHealthy", "two", "whole number from 1 to")]
    [InlineData("minHealthy", "0", "whole number from 1 to")]
    [InlineData("criticality", "7", "1 (most critical) to 4")]
    [InlineData("environment", " ", "give the environment name")]
    [InlineData("", "x", "it needs ciId and field")]
    public void ValidateShape_BadFieldEdit_IsAValidationErrorOnTheEdit(string field, string value, string expected)
    {
        var spec = Spec(["node1"], edits: [new TopologyEdit(TopologyEditKind.AddCi, CiId: "x", ClassName: VirtualMachine), Set("lb", field, value)]);

        var e = Assert.Throws<CmdbException>(() => ChangeSpecRules.ValidateShape(spec));

        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal("edits[1]", e.Path);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_RaisingMinHealthyToTheMemberCount_MakesEveryMemberASinglePointOfFailure()
    {
        var plain = _assessor.Assess(Spec(["node1"]), null, Context(Build()));
        var raised = _assessor.Assess(Spec(["node1"], edits: [Set("lb", FieldEdits.MinHealthy, "3")]), null, Context(Build()));

        Assert.Equal(0, plain.Factors.Single(f => f.Name == RiskFactorNames.SinglePointsOfFailure).Value);
        Assert.Contains("node2", raised.NewSinglePointsOfFailure);
        Assert.True(raised.Score > plain.Score, $"{raised.Score} should exceed {plain.Score}");
    }

    [Fact]
    public void Assess_SettingAReplicaToRetired_LeavesTheOtherAsNewSinglePointOfFailure()
    {
        var graph = Build();

        var result = _assessor.Assess(Spec(["replica2"], edits: [Set("replica2", FieldEdits.Status, "retired")]), null, Context(graph));

        Assert.Equal(["replica1"], result.NewSinglePointsOfFailure);
        Assert.True(graph.TryGetNode("replica2", out var node) && graph.IsLiveAt(node, graph.Commits.Latest), "the live graph is untouched");
    }

    [Fact]
    public void Assess_VersionBump_DoesNotChangeTheTopologyButNamesAnExistingCi()
    {
        var plain = _assessor.Assess(Spec(["node1"]), null, Context(Build()));
        var bump = _assessor.Assess(Spec(["node1"], edits: [Set("node1", "version", "2.4.1")]), null, Context(Build()));

        Assert.Equal(plain.Score, bump.Score);
        var e = Assert.Throws<CmdbException>(() => _assessor.Assess(Spec(["node1"], edits: [Set("ghost", "version", "1")]), null, Context(Build())));
        Assert.Equal(ErrorCode.NotFound, e.Code);
    }

    [Fact]
    public void Verify_FieldEdits_ComparesDeclaredValuesWithTheGraphAndTheObservedAttributes()
    {
        var graph = new GraphBuilder()
            .Ci("app", Application).Ci("rs", ReplicaSet, minHealthy: 1).Ci("r1", Database).Ci("r2", Database)
            .Rel("app", DependsOn, "rs").Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs").Commit() // 1: before the window
            .Ci("rs", ReplicaSet, minHealthy: 2).Commit() // 2: inside it
            .Build();
        var change = new ChangeRecord("c1", new ChangeSpec("Harden rs", null, ChangeType.Normal, Epoch.AddMinutes(1.5), Epoch.AddMinutes(5), ["rs"],
            Edits: [Set("rs", FieldEdits.MinHealthy, "2"), Set("r1", FieldEdits.Status, "MAINTENANCE"), Set("app", "version", "2.0"), Set("app", "port", "443")]),
            ChangeState.Completed, ChangeOutcome.Completed, null, Epoch, Epoch, 3);
        var observed = new Dictionary<string, ConfigurationItem> { ["app"] = App(new JsonObject { ["version"] = "1.9", ["port"] = 443 }) };

        var result = new ChangeVerifier(new ImpactAnalyzer()).Verify(change, graph, Epoch.AddHours(1), observed);

        Assert.Equal([(true, "2"), (false, "ACTIVE"), (false, "1.9"), (true, "443")], result.Edits.Select(e => (e.Happened, e.Observed)));
        Assert.False(result.Clean);
    }

    private static ConfigurationItem App(JsonObject attributes) => new(
        "app", Application, "app", CiStatus.Active, null, null, null, null, [], attributes, new Dictionary<string, string>(), null,
        new Dictionary<string, AttributeProvenance>(), [], Epoch, Epoch, 2);
}
