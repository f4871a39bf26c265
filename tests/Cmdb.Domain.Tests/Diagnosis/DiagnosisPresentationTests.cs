using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Graph;
using Cmdb.Testing;
using static Cmdb.Domain.Model.WellKnown.Classes;
using static Cmdb.Domain.Model.WellKnown.RelationshipTypes;

namespace Cmdb.Domain.Tests.Diagnosis;

/// <summary>How twins, second faults and the kind of a change shape the ranking.</summary>
public class DiagnosisPresentationTests
{
    private static readonly DateTimeOffset Start = DiagnosisRankingTests.Start;

    [Fact]
    public void Rank_FirstHasATwinAndReportsAreLeftUnexplained_SecondFaultTakesSecondPlace()
    {
        // "x" is reported too, but app1 (or its unmonitored pool) cannot explain it: a second fault is the runner-up.
        var graph = TwinAndLoneReport();

        var result = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(), graph, ["app1", "web1", "x"]);
        var plain = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(new DiagnosisOptions { DistinctRunnerUp = false }), graph, ["app1", "web1", "x"]);

        Assert.Equal(["app1", "x", "pool1"], result.Causes.Take(3).Select(c => c.CiId));
        Assert.Equal(["pool1"], result.Causes[0].Evidence.IndistinguishableFrom);
        Assert.Equal(["app1", "pool1", "x"], plain.Causes.Take(3).Select(c => c.CiId));
    }

    [Fact]
    public void Rank_FirstHasATwinAndExplainsEverything_TwinStaysSecond()
    {
        var graph = TwinAndLoneReport();

        var result = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(), graph, ["app1", "web1"]);

        Assert.Equal(["app1", "pool1"], result.Causes.Take(2).Select(c => c.CiId));
    }

    [Fact]
    public void Rank_RecentDiscoveredChangeOnAnUnreportedParent_ParentFirst()
    {
        var graph = ChainToDatabase();
        var change = new DiagnosisChange("db", Start.AddMinutes(-10), DiagnosisChangeKind.Discovered, "update ci: attributes.version", "discovery:pg");

        var without = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(), graph, ["web", "app"]);
        var with = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(), graph, ["web", "app"], DiagnosisEvidence.From([change]));

        Assert.Equal("app", without.Causes[0].CiId); // the database's own monitor did not report it
        Assert.Equal("db", with.Causes[0].CiId); // but a version bump minutes before outweighs one missed report
    }

    [Fact]
    public void Rank_BookkeepingEditOnAnUnreportedParent_DoesNotOutweighItsMissingReport()
    {
        var graph = ChainToDatabase();
        var edit = new DiagnosisChange("db", Start.AddMinutes(-10), DiagnosisChangeKind.Discovered, "update ci: owner", "discovery:pg", null, Bookkeeping: true);

        var result = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(), graph, ["web", "app"], DiagnosisEvidence.From([edit]));

        Assert.Equal("app", result.Causes[0].CiId);
        var db = result.Causes.Single(c => c.CiId == "db");
        Assert.True(Assert.Single(db.Evidence.Changes).Change.Bookkeeping); // still shown
    }

    [Fact]
    public void Rank_RecentlyChangedCiThatExplainsNothingMore_NotInventedAsASecondFault()
    {
        // Both were just written; the service's failure adds nothing to what the application's explains.
        var graph = new GraphBuilder().Ci("svc", BusinessService).Ci("app", Application).Rel("svc", DependsOn, "app").Build();
        var changes = DiagnosisEvidence.From(
        [
            new DiagnosisChange("svc", Start.AddMinutes(-5), DiagnosisChangeKind.Manual, "update ci: attributes.url", "user:bob"),
            new DiagnosisChange("app", Start.AddMinutes(-5), DiagnosisChangeKind.Manual, "update ci: attributes.version", "user:bob"),
        ]);

        var result = DiagnosisRankingTests.Diagnose(new DiagnosisEngine(), graph, ["svc", "app"], changes);

        Assert.Equal("app", result.Causes[0].CiId);
        Assert.Null(result.Causes[0].PairedWith);
    }

    [Theory]
    [InlineData("update", new[] { "owner" }, true)]
    [InlineData("update", new[] { "tags", "supportGroup", "name", "criticality" }, true)]
    [InlineData("update", new[] { "owner", "attributes.version" }, false)]
    [InlineData("update", new string[0], false)]
    [InlineData("relate", new[] { "owner" }, false)]
    public void IsBookkeeping_Fields_OnlyBookkeepingUpdatesCount(string operation, string[] fields, bool expected) =>
        Assert.Equal(expected, DiagnosisChange.IsBookkeeping(operation, fields));

    /// <summary>app1 runs on an unmonitored pool (its twin), web1 depends on app1; x is an unrelated application.</summary>
    private static GraphIndex TwinAndLoneReport() => new GraphBuilder()
        .Ci("app1", Application).Ci("pool1", Pool).Ci("web1", Application).Ci("x", Application)
        .Rel("app1", RunsOn, "pool1").Rel("web1", DependsOn, "app1")
        .Build();

    /// <summary>web depends on app, app on a monitored database.</summary>
    private static GraphIndex ChainToDatabase() => new GraphBuilder()
        .Ci("web", Application).Ci("app", Application).Ci("db", Database)
        .Rel("web", DependsOn, "app").Rel("app", DependsOn, "db")
        .Build();
}
