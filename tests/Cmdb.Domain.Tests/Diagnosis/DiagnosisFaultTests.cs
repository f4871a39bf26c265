using Cmdb.Domain.Diagnosis;
using Cmdb.Testing;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Diagnosis;

/// <summary>Two faults, redundancy and time: explain-away, degrade-only and the topology as of the start.</summary>
public class DiagnosisFaultTests
{
    private readonly DiagnosisEngine _engine = new();

    [Fact]
    public void Rank_TwoIndependentFaults_BothInTopTwoAndPaired()
    {
        var graph = new GraphBuilder()
            .Ci("dbA", Database).Ci("dbB", Database)
            .Ci("a1", Application).Ci("a2", Application).Ci("a3", Application)
            .Ci("b1", Application).Ci("b2", Application).Ci("b3", Application)
            .Rel("a1", DependsOn, "dbA").Rel("a2", DependsOn, "dbA").Rel("a3", DependsOn, "dbA")
            .Rel("b1", DependsOn, "dbB").Rel("b2", DependsOn, "dbB").Rel("b3", DependsOn, "dbB")
            .Build();

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, ["a1", "b1", "a2", "b2", "a3", "b3"]);

        Assert.Equal(["dbA", "dbB"], result.Causes.Take(2).Select(c => c.CiId).Order());
        Assert.Equal("dbB", result.Causes.Single(c => c.CiId == "dbA").PairedWith);
        Assert.Equal(3, result.Causes[0].Evidence.SymptomsUnexplained.Count); // evidence is the single-fault tally
    }

    [Fact]
    public void Rank_OneSpuriousSymptom_NoPairInvented()
    {
        var graph = new GraphBuilder()
            .Ci("db", Database).Ci("a1", Application).Ci("a2", Application).Ci("a3", Application).Ci("lonely", Application)
            .Rel("a1", DependsOn, "db").Rel("a2", DependsOn, "db").Rel("a3", DependsOn, "db")
            .Build();

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, ["a1", "a2", "a3", "lonely"]);

        Assert.Equal("db", result.Causes[0].CiId);
        Assert.Equal(["lonely"], result.Causes[0].Evidence.SymptomsUnexplained);
    }

    [Fact]
    public void Rank_OneReplicaOfThreeLost_ReplicaFirstAndDependentsNotPredicted()
    {
        var graph = new GraphBuilder()
            .Ci("r1", LinuxServer).Ci("r2", LinuxServer).Ci("r3", LinuxServer).Ci("rs", ReplicaSet, minHealthy: 2)
            .Ci("db", Database).Ci("app", Application)
            .Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs").Rel("r3", MemberOf, "rs").Rel("db", RunsOn, "rs").Rel("app", DependsOn, "db")
            .Build();

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, ["r1"]);

        var top = result.Causes[0];
        Assert.Equal("r1", top.CiId);
        Assert.Equal(0, top.Evidence.HealthyDependentCount); // the set is only degraded: db and app stay up
        Assert.DoesNotContain(result.Causes, c => c.CiId is "r2" or "r3" or "db");
    }

    [Fact]
    public void Rank_TwoReplicasLostTogether_PairTakesTheSetDown()
    {
        var graph = new GraphBuilder()
            .Ci("r1", LinuxServer).Ci("r2", LinuxServer).Ci("r3", LinuxServer).Ci("rs", ReplicaSet, minHealthy: 2)
            .Ci("db", Database).Ci("app", Application)
            .Rel("r1", MemberOf, "rs").Rel("r2", MemberOf, "rs").Rel("r3", MemberOf, "rs").Rel("db", RunsOn, "rs").Rel("app", DependsOn, "db")
            .Build();

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, ["r1", "r2", "db", "app"]);

        Assert.Equal(["r1", "r2"], result.Causes.Take(2).Select(c => c.CiId).Order());
    }

    [Fact]
    public void Prepare_RelationshipAddedAfterTheStart_Ignored()
    {
        var builder = new GraphBuilder()
            .Ci("app", Application).Ci("db1", Database).Ci("db2", Database)
            .Rel("app", DependsOn, "db1").Commit();
        var graph = builder.Rel("app", DependsOn, "db2").Build(); // commit 2, at 00:02
        var beforeSecond = new DateTimeOffset(2026, 1, 1, 0, 1, 30, TimeSpan.Zero);

        var scope = _engine.Prepare(graph, new DiagnosisRequest(["app"], beforeSecond, TimeSpan.FromHours(1)));
        var result = _engine.Rank(scope, DiagnosisEvidence.Empty, 10);

        Assert.Equal(1, result.AsOfSeq);
        Assert.Contains(result.Causes, c => c.CiId == "db1");
        Assert.DoesNotContain(result.Causes, c => c.CiId == "db2");
        Assert.DoesNotContain("db2", scope.EvidenceCiIds);
    }
}
