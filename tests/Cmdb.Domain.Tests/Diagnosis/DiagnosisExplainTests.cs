using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Graph;
using Cmdb.Testing;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Diagnosis;

/// <summary>Explaining more against costing more: dropped parent reports and a second fault explaining the rest away.</summary>
public class DiagnosisExplainTests
{
    private static readonly DateTimeOffset Start = DiagnosisRankingTests.Start;

    private readonly DiagnosisEngine _engine = new();

    [Fact]
    public void Rank_ParentWhoseOwnReportWasDroppedExplainsStrictlyMore_ParentBeatsChild()
    {
        // The VM's own monitor said nothing, but both things on it are down: only the VM explains both.
        var graph = new GraphBuilder()
            .Ci("vm", VirtualMachine).Ci("node", KubernetesNode).Ci("pod", Pod).Ci("db", Database)
            .Rel("node", RunsOn, "vm").Rel("pod", RunsOn, "node").Rel("db", RunsOn, "vm")
            .Build();

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, ["node", "pod", "db"]);

        var top = result.Causes[0];
        Assert.Equal("vm", top.CiId);
        Assert.Equal(["db", "node", "pod"], top.Evidence.SymptomsExplained.Order(StringComparer.Ordinal));
        Assert.Equal(["vm"], top.Evidence.HealthyDependents); // its own dropped report is its only cost
        var node = result.Causes.Single(c => c.CiId == "node");
        Assert.Equal(["db"], node.Evidence.SymptomsUnexplained);
        Assert.True(node.Rank > top.Rank);
    }

    [Fact]
    public void Rank_ParentWhoseOwnReportWasDroppedExplainsNothingMore_ChildFirst()
    {
        // Same reports either way: the parent predicts one more (its own) that nobody reported, so the child is likelier.
        var graph = new GraphBuilder()
            .Ci("vm", VirtualMachine).Ci("node", KubernetesNode).Ci("pod", Pod)
            .Rel("node", RunsOn, "vm").Rel("pod", RunsOn, "node")
            .Build();

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, ["node", "pod"]);

        Assert.Equal(["node", "vm"], result.Causes.Take(2).Select(c => c.CiId));
        Assert.Equal(1, result.Causes[1].Evidence.HealthyDependentCount);
    }

    [Fact]
    public void Rank_SecondFaultExplainsTheLeftoverReports_TakesSecondPlaceOverTheFirstFaultsParent()
    {
        // Alone, the VM under dbA is the second-best single explanation (dbA's symptoms, its own report missing); but
        // dbA leaves b1 and b2 unexplained and only dbB explains them, so the pair (dbA, dbB) takes both top places.
        var graph = TwoDatabases();

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, ["dbA", "a1", "a2", "a3", "b1", "b2"]);

        Assert.Equal(["dbA", "dbB"], result.Causes.Take(2).Select(c => c.CiId));
        Assert.Equal("dbB", result.Causes[0].PairedWith);
        Assert.Equal("dbA", result.Causes[1].PairedWith);
        Assert.Equal(["b1", "b2"], result.Causes[0].Evidence.SymptomsUnexplained.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rank_OneFaultExplainsEverything_NoSecondFaultPaired()
    {
        var graph = TwoDatabases();

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, ["dbA", "a1", "a2", "a3"]);

        Assert.Equal("dbA", result.Causes[0].CiId);
        Assert.Null(result.Causes[0].PairedWith);
        Assert.DoesNotContain(result.Causes, c => c.CiId == "dbB");
    }

    [Fact]
    public void Rank_RunnerUpWouldOnlyReExplainTheFirst_SecondFaultForTheLeftoverReportTakesSecondPlace()
    {
        // node explains all but x; the VM under it explains exactly the same (and misses its own report), so with
        // RunnerUpAlternatives the candidate that explains x as a second fault is placed second instead.
        var graph = new GraphBuilder()
            .Ci("vm", VirtualMachine).Ci("node", KubernetesNode).Ci("pod1", Pod).Ci("pod2", Pod)
            .Ci("x", Application).Ci("d1", Application).Ci("d2", Application)
            .Rel("node", RunsOn, "vm").Rel("pod1", RunsOn, "node").Rel("pod2", RunsOn, "node")
            .Rel("d1", DependsOn, "x").Rel("d2", DependsOn, "x")
            .Build();
        string[] symptoms = ["node", "pod1", "pod2", "x"];

        var result = DiagnosisRankingTests.Diagnose(_engine, graph, symptoms);
        var plain = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(new DiagnosisOptions { RunnerUpAlternatives = false }), graph, symptoms);

        Assert.Equal(["node", "vm", "x"], plain.Causes.Take(3).Select(c => c.CiId));
        Assert.Equal(["node", "x", "vm"], result.Causes.Take(3).Select(c => c.CiId));
        Assert.True(result.Causes[2].Score > result.Causes[1].Score); // a presentation rule: the score keeps its meaning
    }

    [Fact]
    public void Rank_LogicalGroupPriorSet_ApplicationBeatsItsUnmonitoredPoolDespiteAnOldChangeNextToThePool()
    {
        // The pool and the application are twins; a half-day-old change on a pool member leans towards the pool.
        var graph = AppOnPool();
        var nearPool = DiagnosisEvidence.From([new DiagnosisChange("member", Start.AddHours(-12), DiagnosisChangeKind.Manual, "update ci: attributes.version", "user:bob")]);
        var withPrior = new DiagnosisEngine(new DiagnosisOptions { LogicalGroupPrior = -1 });

        var plain = DiagnosisRankingTests.Diagnose(_engine, graph, ["app", "web"], nearPool);
        var prior = DiagnosisRankingTests.Diagnose(withPrior, graph, ["app", "web"], nearPool);

        Assert.Equal("pool", plain.Causes[0].CiId);
        Assert.Equal("app", prior.Causes[0].CiId);
        Assert.Equal(["pool"], prior.Causes[0].Evidence.IndistinguishableFrom);
    }

    [Fact]
    public void Rank_LogicalGroupPriorSet_FreshChangeOnThePoolStillPutsItFirst()
    {
        var graph = AppOnPool();
        var onPool = DiagnosisEvidence.From([new DiagnosisChange("pool", Start.AddHours(-1), DiagnosisChangeKind.ChangeRecord, "pool resized", "user:bob", "CHG7")]);

        var result = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(new DiagnosisOptions { LogicalGroupPrior = -1 }), graph, ["app", "web"], onPool);

        Assert.Equal("pool", result.Causes[0].CiId);
        Assert.True(Assert.Single(result.Causes[0].Evidence.Changes).OnCandidate);
    }

    /// <summary>app runs on an unmonitored pool with one member; web depends on app.</summary>
    private static GraphIndex AppOnPool() => new GraphBuilder()
        .Ci("app", Application).Ci("pool", Pool, minHealthy: 1).Ci("member", LinuxServer).Ci("web", Application)
        .Rel("app", RunsOn, "pool").Rel("member", MemberOf, "pool").Rel("web", DependsOn, "app")
        .Build();

    /// <summary>dbA on vmA serves a1–a3; dbB on vmB serves b1–b2.</summary>
    private static GraphIndex TwoDatabases() => new GraphBuilder()
        .Ci("vmA", VirtualMachine).Ci("vmB", VirtualMachine).Ci("dbA", Database).Ci("dbB", Database)
        .Ci("a1", Application).Ci("a2", Application).Ci("a3", Application).Ci("b1", Application).Ci("b2", Application)
        .Rel("dbA", RunsOn, "vmA").Rel("dbB", RunsOn, "vmB")
        .Rel("a1", DependsOn, "dbA").Rel("a2", DependsOn, "dbA").Rel("a3", DependsOn, "dbA")
        .Rel("b1", DependsOn, "dbB").Rel("b2", DependsOn, "dbB")
        .Build();
}
