using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Impact;
using Cmdb.Testing;
using Cmdb.Testing.Diagnosis;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Domain.Tests.Diagnosis;

/// <summary>The engine's predictions against the impact analyzer, and the benchmark generator's determinism.</summary>
public class DiagnosisPredictionTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rank_TrueCauseEvidence_MatchesTheImpactAnalyzersObservableImpact()
    {
        var engine = new DiagnosisEngine();
        var graph = SyntheticEstate.Generate(3000, 5).LoadGraph(TestModels.Seed, At);
        var monitored = engine.MonitoredFlags(graph.Model);
        var analyzer = new ImpactAnalyzer(new ImpactOptions { DefaultMaxDepth = 50 });
        var checkedCount = 0;
        for (var node = 0; node < graph.NodeCount && checkedCount < 40; node += 37)
        {
            var id = graph.CiId(node);
            var impact = analyzer.Impact(graph, [id]);
            var observable = impact.Items(0, impact.TotalCount)
                .Where(i => i.State >= ImpactState.Degraded && monitored[graph.Model.GetClass(i.ClassName).Index])
                .Select(i => i.CiId).Order(StringComparer.Ordinal).ToList();
            if (observable.Count is 0 or > 60) continue;

            // Report everything: the cause must explain every symptom and have no healthy dependent.
            var result = engine.Diagnose(graph, new DiagnosisRequest(observable, At.AddDays(1), TimeSpan.FromHours(24)), DiagnosisEvidence.Empty, 100);
            var cause = result.Causes.Single(c => c.CiId == id);
            Assert.Equal(observable, cause.Evidence.SymptomsExplained.Order(StringComparer.Ordinal));
            Assert.Equal(0, cause.Evidence.HealthyDependentCount);
            checkedCount++;
        }

        Assert.True(checkedCount >= 20, $"only {checkedCount} CIs checked");
    }

    [Fact]
    public void Generator_SameSeed_SameScenarios()
    {
        var graph = MicroserviceEstate.Build(TestModels.Seed, 60, 3, At);
        var monitored = new DiagnosisEngine().MonitoredFlags(graph.Model);

        var a = Scenarios(new DiagnosisScenarioGenerator(graph, monitored, At.AddDays(1), 9));
        var b = Scenarios(new DiagnosisScenarioGenerator(graph, monitored, At.AddDays(1), 9));
        var c = Scenarios(new DiagnosisScenarioGenerator(graph, monitored, At.AddDays(1), 10));

        for (var i = 0; i < a.Count; i++) Assert.Equal(a[i], b[i]);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Generator_Scenarios_HaveTheRequestedShape()
    {
        var graph = MicroserviceEstate.Build(TestModels.Seed, 60, 3, At);
        var generator = new DiagnosisScenarioGenerator(graph, new DiagnosisEngine().MonitoredFlags(graph.Model), At.AddDays(1), 4);

        for (var i = 0; i < 10; i++)
        {
            var two = generator.Next(DiagnosisSetting.TwoFaults);
            Assert.Equal(2, two.Causes.Distinct().Count());
            Assert.NotEmpty(two.SymptomCiIds);
            Assert.Equal(two.SymptomCiIds.Count, two.SymptomCiIds.Distinct().Count());
            Assert.InRange(two.Evidence.Changes.Values.Sum(l => l.Count), 2, 6);
            var degrade = generator.Next(DiagnosisSetting.DegradeOnly);
            Assert.Single(degrade.Causes);
        }
    }

    [Fact]
    public void Generator_AnyFaultMode_SameSeedSameScenariosAndDiffersFromTheDefault()
    {
        var graph = MicroserviceEstate.Build(TestModels.Seed, 60, 3, At);
        var monitored = new DiagnosisEngine().MonitoredFlags(graph.Model);

        var a = Scenarios(new DiagnosisScenarioGenerator(graph, monitored, At.AddDays(1), 9, spreadingFaultsOnly: false));
        var b = Scenarios(new DiagnosisScenarioGenerator(graph, monitored, At.AddDays(1), 9, spreadingFaultsOnly: false));
        var spreading = Scenarios(new DiagnosisScenarioGenerator(graph, monitored, At.AddDays(1), 9));

        Assert.Equal(a, b);
        Assert.NotEqual(a, spreading);
    }

    [Fact]
    public void Generator_Decoys_NeverOnAFaultyCi()
    {
        var graph = MicroserviceEstate.Build(TestModels.Seed, 60, 3, At);
        var generator = new DiagnosisScenarioGenerator(graph, new DiagnosisEngine().MonitoredFlags(graph.Model), At.AddDays(1), 5);
        var changedOnCause = 0;

        foreach (var setting in Enum.GetValues<DiagnosisSetting>())
        {
            for (var i = 0; i < 20; i++)
            {
                var s = generator.Next(setting);
                var onCauses = s.Causes.Where(s.Evidence.Changes.ContainsKey).ToList();

                // A faulty CI carries the injected change (one, within six hours) when the trial says so, nothing otherwise.
                Assert.Equal(s.CauseChanged ? s.Causes.Count : 0, onCauses.Count);
                foreach (var c in onCauses) Assert.InRange((s.StartedAt - Assert.Single(s.Evidence.Changes[c]).At).TotalHours, 0, 6);
                changedOnCause += onCauses.Count;
            }
        }

        Assert.True(changedOnCause > 0);
    }

    [Fact]
    public void Generator_SpreadingFaultsOnly_FailsOnlyCisThatTakeAnotherDown()
    {
        var graph = MicroserviceEstate.Build(TestModels.Seed, 60, 3, At);
        var monitored = new DiagnosisEngine().MonitoredFlags(graph.Model);
        var spreading = new DiagnosisScenarioGenerator(graph, monitored, At.AddDays(1), 6);
        var any = new DiagnosisScenarioGenerator(graph, monitored, At.AddDays(1), 6, spreadingFaultsOnly: false);
        var analyzer = new ImpactAnalyzer(new ImpactOptions { DefaultMaxDepth = 50 });
        var leaves = 0;

        for (var i = 0; i < 40; i++)
        {
            var s = spreading.Next(DiagnosisSetting.SingleFault);
            Assert.True(spreading.CanFail(s.Causes[0], DiagnosisSetting.SingleFault));
            Assert.Contains(Items(s.Causes[0]), x => x.State == ImpactState.Down && !x.IsCause);
            var a = any.Next(DiagnosisSetting.SingleFault);
            Assert.True(any.CanFail(a.Causes[0], DiagnosisSetting.SingleFault));
            if (!spreading.CanFail(a.Causes[0], DiagnosisSetting.SingleFault)) leaves++;
        }

        // The "a fault at a random CI" also fails CIs whose fault shows on nothing but themselves and what they degrade.
        Assert.True(leaves > 0);

        IReadOnlyList<ImpactItem> Items(string id)
        {
            var impact = analyzer.Impact(graph, [id]);
            return impact.Items(0, impact.TotalCount);
        }
    }

    private static List<string> Scenarios(DiagnosisScenarioGenerator generator) =>
        [.. Enum.GetValues<DiagnosisSetting>().SelectMany(s => Enumerable.Range(0, 5).Select(_ => generator.Next(s)))
            .Select(s => $"{s.Setting}:{string.Join(',', s.Causes)}:{string.Join(',', s.SymptomCiIds)}:"
                + string.Join(',', s.Evidence.Changes.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value).Select(x => $"{x.CiId}@{x.At:O}/{x.Kind}")))];
}
