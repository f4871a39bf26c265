using Cmdb.Domain.Changes;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Changes;

public class ChangeVerifierTests
{
    // GraphBuilder stamps commit n at 2026-01-01 00:0n.
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ChangeVerifier _verifier = new(new ImpactAnalyzer());

    private static GraphBuilder Estate() => new GraphBuilder()
        .Ci("shop", BusinessService, environment: "production", criticality: 1).Ci("app", Application).Ci("db", Database)
        .Ci("reports", BusinessService, criticality: 3).Ci("rep-app", Application).Ci("rs", ReplicaSet, minHealthy: 1)
        .Ci("replica1", Database).Ci("replica2", Database).Ci("scratch", VirtualMachine)
        .Rel("shop", DependsOn, "app").Rel("app", DependsOn, "db").Rel("reports", DependsOn, "rep-app").Rel("rep-app", DependsOn, "rs")
        .Rel("replica1", MemberOf, "rs").Rel("replica2", MemberOf, "rs")
        .Commit(); // commit 1, before the window

    private static ChangeRecord Change(params TopologyEdit[] edits) => new(
        "c1", new ChangeSpec("Decommission replica2", null, ChangeType.Normal, Epoch.AddMinutes(1.5), Epoch.AddMinutes(5.5), ["replica2", "db"], Edits: edits),
        ChangeState.Implementing, null, null, Epoch, Epoch, 1);

    [Fact]
    public void Verify_AfterTheWindow_ReportsMissingDeclaredEditsAndUndeclaredChangesInTheBlastRadiusOnly()
    {
        var graph = Estate()
            .Retire("replica2").Commit()                       // 2: declared
            .RemoveRel("app", DependsOn, "db").Commit()        // 3: not declared, app is in the blast radius
            .Ci("rep-app", Application, criticality: 2).Commit() // 4: not declared, rep-app is in the blast radius
            .Ci("scratch", VirtualMachine, criticality: 4).Commit() // 5: outside the blast radius
            .Rel("shop", DependsOn, "db").Commit()             // 6: after the window
            .Build();
        var change = Change(
            new TopologyEdit(TopologyEditKind.RetireCi, CiId: "replica2"),
            new TopologyEdit(TopologyEditKind.AddRelationship, RelationshipType: DependsOn, SourceId: "app", TargetId: "replica1"));

        var result = _verifier.Verify(change, graph, Epoch.AddHours(1));

        Assert.True(result.WindowClosed);
        Assert.Equal([true, false], result.Edits.Select(e => e.Happened));
        Assert.Equal(
            [(UndeclaredChangeKind.RelationshipRemoved, "app", "db", Epoch.AddMinutes(3)), (UndeclaredChangeKind.CiChanged, "rep-app", null, Epoch.AddMinutes(4))],
            result.Undeclared.Select(u => (u.Kind, u.CiId, u.OtherCiId, u.At)).OrderBy(u => u.At));
        Assert.False(result.Clean);
    }

    [Fact]
    public void Verify_EverythingAsDeclared_IsClean()
    {
        var graph = Estate().Retire("replica2").Commit().RemoveRel("app", DependsOn, "db").Commit().Build();
        var change = Change(
            new TopologyEdit(TopologyEditKind.RetireCi, CiId: "replica2"),
            new TopologyEdit(TopologyEditKind.RemoveRelationship, RelationshipType: DependsOn, SourceId: "app", TargetId: "db"));

        var result = _verifier.Verify(change, graph, Epoch.AddHours(1));

        Assert.True(result.Clean);
    }

    [Fact]
    public void Verify_WhileTheWindowIsOpen_IsProvisional()
    {
        var graph = Estate().Build();

        var result = _verifier.Verify(Change(new TopologyEdit(TopologyEditKind.RetireCi, CiId: "replica2")), graph, Epoch.AddMinutes(2));

        Assert.False(result.WindowClosed);
        Assert.False(Assert.Single(result.Edits).Happened);
    }
}
