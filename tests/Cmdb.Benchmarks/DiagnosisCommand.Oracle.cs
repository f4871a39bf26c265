using System.Globalization;
using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Model;
using Cmdb.Testing.Diagnosis;

namespace Cmdb.Benchmarks;

internal static partial class DiagnosisCommand
{
    private static void CompareWithOracle(
        GraphIndex graph, DiagnosisScenario scenario, DiagnosisResult result, DiagnosisOracle oracle, DiagnosisOracleTally tally,
        IReadOnlyList<(HashSet<string> Observable, IReadOnlyList<string> Twins)> truths, bool verbose)
    {
        var ranked = oracle.Rank(scenario);
        var winner = tally.Add(scenario, result, ranked, truths, id => ClassOf(graph, id));
        if (!verbose || winner is null) return;
        var fair = ranked[winner switch { "fair" => (int)DiagnosisOracleMode.Fair, "uniform" => (int)DiagnosisOracleMode.ExactUniformDecoys, _ => (int)DiagnosisOracleMode.Exact }];
        Report.Line($"  gap-{winner}: {scenario.Setting}, {Changes(graph, scenario)}, {scenario.SymptomCiIds.Count} symptoms, changed={scenario.CauseChanged}, twins {string.Join("/", truths.Select(t => t.Twins.Count))}; "
            + $"truth {string.Join(" + ", scenario.Causes.Select(c => Describe(graph, result, c)))}; {winner} truth posterior {fair.TruthPosterior:F3}, best {fair.MaxPosterior:F3}");
        foreach (var c in result.Causes.Take(3)) Report.Line($"    product {Describe(graph, result, c.CiId)}");
        Report.Line($"    {winner} oracle top 3: {string.Join(", ", fair.Ranked.Take(3).Select(id => ClassOf(graph, id) + (scenario.Causes.Contains(id) ? "*" : "")))}");
    }

    private static string Describe(GraphIndex graph, DiagnosisResult result, string id)
    {
        var c = result.Causes.FirstOrDefault(x => x.CiId == id);
        return c is null ? $"{ClassOf(graph, id)} (not in top 10)"
            : $"{ClassOf(graph, id)} rank {c.Rank} p {c.Score:F3} log {c.LogScore:F2} expl {c.Evidence.SymptomsExplained.Count} healthy {c.Evidence.HealthyDependentCount} "
              + $"changes {string.Join(",", c.Evidence.Changes.Select(x => (x.OnCandidate ? "C" : "N") + x.Change.Kind.ToString()[0] + (Start - x.Change.At).TotalHours.ToString("F1", CultureInfo.InvariantCulture)))} twins {c.Evidence.IndistinguishableFrom.Count}";
    }

    /// <summary>Every change of the scenario: class, kind, hours before, and whether it is on a true cause.</summary>
    private static string Changes(GraphIndex graph, DiagnosisScenario scenario) =>
        "changes " + string.Join(",", scenario.Evidence.Changes.SelectMany(x => x.Value).Select(c =>
            ClassOf(graph, c.CiId) + (scenario.Causes.Contains(c.CiId) ? "*" : "") + ":" + c.Kind.ToString()[0]
            + (Start - c.At).TotalHours.ToString("F1", CultureInfo.InvariantCulture)));

    private static string ClassOf(GraphIndex graph, string id)
    {
        graph.TryGetNode(id, out var n);
        return graph.Model.Classes[graph.StateAt(n, graph.Commits.Latest)!.ClassIndex].Name;
    }

    private static void PrintOracle(List<string> rows)
    {
        if (rows.Count == 0) return;
        Report.Line("");
        Report.Line("oracle (Bayes-optimal under the generator's model; benchmark only):");
        foreach (var line in rows.Where(r => !r.StartsWith('|'))) Report.Line(line);
        Report.Line(DiagnosisOracleTally.Header);
        Report.Line(DiagnosisOracleTally.Rule);
        foreach (var line in rows.Where(r => r.StartsWith('|'))) Report.Line(line);
    }

    /// <summary>The estate's redundancy shapes behind the twins: pools by member count, load balancers by route count.</summary>
    private static string Shapes(string estate, GraphIndex graph)
    {
        var analyzer = new ImpactAnalyzer(new ImpactOptions { DefaultMaxDepth = 50 });
        var pools = new SortedDictionary<int, int>();
        var balancers = new SortedDictionary<int, int>();
        var seq = graph.Commits.Latest;
        for (var n = 0; n < graph.NodeCount; n++)
        {
            if (graph.StateAt(n, seq) is not { IsRetired: false } s) continue;
            var name = graph.Model.Classes[s.ClassIndex].Name;
            var into = name == WellKnown.Classes.Pool ? pools : name == WellKnown.Classes.LoadBalancer ? balancers : null;
            if (into is null) continue;
            var deps = analyzer.Dependencies(graph, graph.CiId(n), new ImpactScope { MaxDepth = 1 });
            var count = deps.TotalCount;
            into[count] = into.GetValueOrDefault(count) + 1;
        }

        static string H(SortedDictionary<int, int> h) => string.Join(", ", h.Select(x => $"{x.Key}: {x.Value}"));
        return $"shapes of {estate}: pools by direct dependencies (members) {{{H(pools)}}}; load balancers by direct dependencies (routes) {{{H(balancers)}}}";
    }
}
