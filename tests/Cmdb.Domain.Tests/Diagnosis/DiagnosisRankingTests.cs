using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Graph;
using Cmdb.Testing;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Diagnosis;

/// <summary>Small graphs where the right answer is certain.</summary>
public class DiagnosisRankingTests
{
    /// <summary>GraphBuilder publishes commit n at 2026-01-01 + n minutes; incidents start well after.</summary>
    internal static readonly DateTimeOffset Start = new(2026, 1, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly DiagnosisEngine _engine = new();

    internal static DiagnosisResult Diagnose(
        DiagnosisEngine engine, GraphIndex graph, IReadOnlyList<string> symptoms, DiagnosisEvidence? evidence = null, int first = 10) =>
        engine.Diagnose(graph, new DiagnosisRequest(symptoms, Start, TimeSpan.FromHours(24)), evidence ?? DiagnosisEvidence.Empty, first);

    [Fact]
    public void Rank_SharedDatabaseUnderThreeFailingApps_DatabaseFirst()
    {
        var graph = new GraphBuilder()
            .Ci("db", Database).Ci("other", Database).Ci("vm1", VirtualMachine).Ci("vm2", VirtualMachine).Ci("vm3", VirtualMachine)
            .Ci("a1", Application).Ci("a2", Application).Ci("a3", Application).Ci("a4", Application)
            .Rel("a1", DependsOn, "db").Rel("a2", DependsOn, "db").Rel("a3", DependsOn, "db").Rel("a4", DependsOn, "other")
            .Rel("a1", RunsOn, "vm1").Rel("a2", RunsOn, "vm2").Rel("a3", RunsOn, "vm3").Rel("a4", RunsOn, "vm1")
            .Build();

        var result = Diagnose(_engine, graph, ["a1", "a2", "a3"]);

        var top = result.Causes[0];
        Assert.Equal("db", top.CiId);
        Assert.Equal(["a1", "a2", "a3"], top.Evidence.SymptomsExplained.Order());
        Assert.Empty(top.Evidence.SymptomsUnexplained);
        Assert.Equal(1, top.Evidence.HealthyDependentCount); // the database itself was not reported
        Assert.True(top.Score > result.Causes[1].Score);
    }

    [Fact]
    public void Rank_RecentChangeOnOneOfTwoEqualCandidates_ChangedOneFirst()
    {
        var graph = TwoEqualCaches();
        var change = new DiagnosisChange("c2", Start.AddHours(-1), DiagnosisChangeKind.Discovered, "version 7.0 -> 7.2", "discovery:k8s");

        var without = Diagnose(_engine, graph, ["a1", "a2"]);
        var with = Diagnose(_engine, graph, ["a1", "a2"], DiagnosisEvidence.From([change]));

        Assert.Equal("c1", without.Causes[0].CiId); // a tie without evidence goes to the id
        Assert.Equal("c2", with.Causes[0].CiId);
        var shown = Assert.Single(with.Causes[0].Evidence.Changes);
        Assert.True(shown.OnCandidate);
        Assert.Equal(DiagnosisChangeKind.Discovered, shown.Change.Kind);
    }

    [Fact]
    public void Rank_ChangeOutsideTheWindowOrAfterTheStart_Ignored()
    {
        var graph = TwoEqualCaches();
        var late = new DiagnosisChange("c2", Start.AddMinutes(5), DiagnosisChangeKind.ChangeRecord, "after", "user:bob", "CHG1");
        var old = new DiagnosisChange("c2", Start.AddHours(-30), DiagnosisChangeKind.ChangeRecord, "before", "user:bob", "CHG2");

        var result = Diagnose(_engine, graph, ["a1", "a2"], DiagnosisEvidence.From([late, old]));

        Assert.Equal("c1", result.Causes[0].CiId);
        Assert.Empty(result.Causes.Single(c => c.CiId == "c2").Evidence.Changes);
    }

    [Fact]
    public void Rank_HealthyDependent_LowersCandidate()
    {
        var graph = new GraphBuilder()
            .Ci("db1", Database).Ci("db2", Database).Ci("a1", Application).Ci("a2", Application).Ci("a3", Application)
            .Rel("a1", DependsOn, "db1").Rel("a2", DependsOn, "db1")
            .Rel("a1", DependsOn, "db2").Rel("a2", DependsOn, "db2").Rel("a3", DependsOn, "db2")
            .Build();

        var result = Diagnose(_engine, graph, ["a1", "a2"]);

        var db1 = result.Causes.Single(c => c.CiId == "db1");
        var db2 = result.Causes.Single(c => c.CiId == "db2");
        Assert.True(db1.Rank < db2.Rank);
        Assert.Contains("a3", db2.Evidence.HealthyDependents);
        Assert.Equal(2, db2.Evidence.HealthyDependentCount);
    }

    [Fact]
    public void Rank_SameObservableImpact_FlaggedIndistinguishableAndNearerFirst()
    {
        // A pool is not monitored: its failure shows exactly as its application's.
        var graph = new GraphBuilder()
            .Ci("app", Application).Ci("pool", Pool).Ci("web", Application)
            .Rel("app", RunsOn, "pool").Rel("web", DependsOn, "app")
            .Build();

        var result = Diagnose(_engine, graph, ["app", "web"]);

        Assert.Equal(["app", "pool"], result.Causes.Take(2).Select(c => c.CiId));
        Assert.Equal(["pool"], result.Causes[0].Evidence.IndistinguishableFrom);
        Assert.Equal(["app"], result.Causes[1].Evidence.IndistinguishableFrom);
    }

    [Fact]
    public void Rank_SameInputTwice_SameOutput()
    {
        var graph = TwoEqualCaches();

        var a = Diagnose(_engine, graph, ["a2", "a1"]);
        var b = Diagnose(_engine, graph, ["a2", "a1"]);

        Assert.Equal(a.Causes.Select(c => (c.CiId, c.Score, c.Rank)), b.Causes.Select(c => (c.CiId, c.Score, c.Rank)));
    }

    /// <summary>Two applications, each depending on both of two caches.</summary>
    internal static GraphIndex TwoEqualCaches() => new GraphBuilder()
        .Ci("c1", Cache).Ci("c2", Cache).Ci("a1", Application).Ci("a2", Application)
        .Rel("a1", DependsOn, "c1").Rel("a2", DependsOn, "c1").Rel("a1", DependsOn, "c2").Rel("a2", DependsOn, "c2")
        .Build();
}
