using Cmdb.Domain.Changes;
using Cmdb.Domain.Graph;
using static Cmdb.Domain.Tests.Changes.ChangeEstate;

namespace Cmdb.Domain.Tests.Changes;

/// <summary>Seeded random changes over the estate: the score's monotonicity, bookkeeping and determinism.</summary>
public class ChangeRiskPropertyTests
{
    private static readonly string[] Cis = ["shop", "app", "lb", "node1", "node2", "node3", "db", "reports", "rep-app", "rs", "replica1", "replica2", "scratch"];
    private static readonly GraphIndex Graph = Build();
    private readonly ChangeRiskAssessor _assessor = new(FreezeOn(30, 24));

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assess_AddingACollidingChange_NeverLowersTheScore(int seed)
    {
        var (spec, context) = Random(seed);
        var collider = Record("collider", Spec([spec.TargetCiIds[0]], startHour: spec.PlannedStart.Hour, hours: 1), ChangeState.Assessed);

        var before = _assessor.Assess(spec, null, context);
        var after = _assessor.Assess(spec, null, context with { OtherChanges = [.. context.OtherChanges, collider] });

        Assert.True(after.Score >= before.Score, $"seed {seed}: {before.Score} -> {after.Score}");
        Assert.True(after.Collisions.Count >= before.Collisions.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assess_AddingARecentFailedChange_NeverLowersTheScore(int seed)
    {
        var (spec, context) = Random(seed);
        var target = spec.TargetCiIds[^1];
        Graph.TryGetNode(target, out var node);
        var className = Graph.Model.Classes[Graph.StateAt(node, Graph.Commits.Latest)!.ClassIndex].Name;
        var failure = new ChangeOutcomeEntry("failed", target, className, ChangeOutcome.Failed, Now.AddDays(-1));

        var before = _assessor.Assess(spec, null, context);
        var after = _assessor.Assess(spec, null, context with { History = [.. context.History, failure] });

        Assert.True(after.Score >= before.Score, $"seed {seed}: {before.Score} -> {after.Score}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assess_RemovingTheRollbackPlan_NeverLowersTheScore(int seed)
    {
        var (spec, context) = Random(seed);

        var before = _assessor.Assess(spec with { RollbackPlan = "Revert." }, null, context);
        var after = _assessor.Assess(spec with { RollbackPlan = null }, null, context);

        Assert.True(after.Score >= before.Score, $"seed {seed}: {before.Score} -> {after.Score}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assess_AnOpenIncidentOnATarget_NeverLowersTheScore(int seed)
    {
        var (spec, context) = Random(seed);
        var incident = new Cmdb.Domain.Incidents.Incident("inc", "Broken", null, Cmdb.Domain.Incidents.Severity.Sev2, Cmdb.Domain.Incidents.IncidentState.Open,
            Now.AddHours(-2), [new Cmdb.Domain.Incidents.IncidentSymptom(spec.TargetCiIds[0], Now, "ops")], null, null, null, Now, Now, 1);

        var before = _assessor.Assess(spec, null, context);
        var after = _assessor.Assess(spec, null, context with { Incidents = [.. context.Incidents, incident] });

        Assert.True(after.Score >= before.Score, $"seed {seed}: {before.Score} -> {after.Score}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assess_ATargetWindowThatExcludesTheChange_NeverLowersTheScore(int seed)
    {
        var (spec, context) = Random(seed);
        var windows = new Dictionary<string, string>(context.MaintenanceWindows) { [spec.TargetCiIds[0]] = "Daily 00:00-24:00 UTC" };
        var inside = context with { MaintenanceWindows = windows };
        var outside = context with { MaintenanceWindows = new Dictionary<string, string>(windows) { [spec.TargetCiIds[0]] = "Sun 03:00-03:01 Pacific/Auckland" } };

        Assert.True(_assessor.Assess(spec, null, outside).Score >= _assessor.Assess(spec, null, inside).Score, $"seed {seed}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Assess_AnyChange_ContributionsSumToScoreAndRepeatIdentically(int seed)
    {
        var (spec, context) = Random(seed);

        var a = _assessor.Assess(spec, null, context);
        var b = _assessor.Assess(spec, null, context);

        Assert.InRange(a.Score, 0, 100);
        Assert.Equal(a.Score, a.Factors.Sum(f => f.Contribution));
        Assert.All(a.Factors, f => Assert.InRange(f.Contribution, 0, f.Weight));
        Assert.Equal(a.Factors.Select(Flat), b.Factors.Select(Flat));
        Assert.Equal((a.Score, a.Level, a.RecommendedApproval), (b.Score, b.Level, b.RecommendedApproval));
        Assert.Equal(a.Collisions.Select(c => (c.ChangeId, string.Join(",", c.SharedCiIds))), b.Collisions.Select(c => (c.ChangeId, string.Join(",", c.SharedCiIds))));
    }

    private static (string, double, double, int, int, string, string) Flat(RiskFactor f) =>
        (f.Name, f.Value, f.Signal, f.Weight, f.Contribution, f.Explanation, string.Join(",", f.CiIds));

    private static (ChangeSpec Spec, ChangeRiskContext Context) Random(int seed)
    {
        var rng = new Random(seed);
        string[] Pick(int max) => [.. Cis.OrderBy(_ => rng.Next()).Take(rng.Next(1, max + 1))];
        ChangeSpec Any(int hour) => Spec(Pick(3), (ChangeType)rng.Next(3), startHour: hour, hours: rng.Next(1, 6),
            rollback: rng.Next(2) == 0 ? null : "Revert.", tests: rng.Next(2) == 0 ? null : "Tested.", template: rng.Next(2) == 0 ? null : "tpl");

        var spec = Any(rng.Next(0, 48));
        var others = Enumerable.Range(0, rng.Next(0, 4))
            .Select(i => Record($"o{i}", Any(rng.Next(0, 48)), (ChangeState)rng.Next(0, 9))).ToList();
        var history = Enumerable.Range(0, rng.Next(0, 8)).Select(i =>
        {
            var ci = Cis[rng.Next(Cis.Length)];
            Graph.TryGetNode(ci, out var n);
            var cls = Graph.Model.Classes[Graph.StateAt(n, Graph.Commits.Latest)!.ClassIndex].Name;
            return new ChangeOutcomeEntry($"h{i}", ci, cls, (ChangeOutcome)rng.Next(3), Now.AddDays(-rng.Next(0, 200)));
        }).ToList();
        var facts = Cis.Where(_ => rng.Next(3) == 0)
            .ToDictionary(id => id, id => new CiFacts(id, rng.Next(2) == 0 ? null : "team", Now.AddDays(-rng.Next(0, 60))));
        return (spec, Context(Graph, others, history, facts));
    }
}
