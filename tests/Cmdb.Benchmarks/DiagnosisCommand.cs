using System.Diagnostics;
using System.Globalization;
using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Graph;
using Cmdb.Testing;
using Cmdb.Testing.Diagnosis;
using Cmdb.Testing.Synthetic;

namespace Cmdb.Benchmarks;

/// <summary>
/// <c>diagnosis</c>: accuracy of the diagnosis engine on injected faults (see <see cref="DiagnosisScenarioGenerator"/>)
/// in two estate shapes, against the naive ranking on the same scenarios, and its latency on a large estate.
/// </summary>
internal static partial class DiagnosisCommand
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = At.AddDays(3);

    public static void Run(string[] args)
    {
        var trials = Arg(args, "--trials", 500);
        var seed = Arg(args, "--seed", 42);
        var accuracyCis = Arg(args, "--accuracy-cis", 20_000);
        var latencyCis = Arg(args, "--cis", 100_000);
        var services = Arg(args, "--services", 400);
        var latencyTrials = Arg(args, "--latency-trials", trials);
        var model = TestModels.Seed;
        var verbose = args.Contains("--verbose");
        // Default: any CI whose fault shows on a monitored CI can fail, as the issue words it ("a fault at a random CI").
        // --wide-faults-only: only CIs whose fault takes down another CI and shows on at least two monitored CIs — a
        // harder population (no incident that shows on the faulty CI alone), kept for comparison with sessions 1–4.
        // (--any-fault, the old name of the default, is accepted and changes nothing.)
        var anyFault = !args.Contains("--wide-faults-only");
        // --monitor-groups: pools, clusters and replica sets report their own health too (fewer topological twins).
        var defaults = new DiagnosisOptions();
        var options = args.Contains("--monitor-groups")
            ? defaults with { MonitoredClasses = [.. defaults.MonitoredClasses, Domain.Model.WellKnown.Classes.RedundancyGroup] }
            : defaults;
        // Weight overrides (tenths of a nat / hours), for exploring the prior's sensitivity; the defaults are the shipped ones.
        options = options with
        {
            RecordedChangeWeight = Arg(args, "--w-record", (int)Math.Round(options.RecordedChangeWeight * 10)) / 10.0,
            DiscoveredChangeWeight = Arg(args, "--w-discovered", (int)Math.Round(options.DiscoveredChangeWeight * 10)) / 10.0,
            ManualChangeWeight = Arg(args, "--w-manual", (int)Math.Round(options.ManualChangeWeight * 10)) / 10.0,
            NeighbourChangeWeight = Arg(args, "--w-neighbour", (int)Math.Round(options.NeighbourChangeWeight * 10)) / 10.0,
            ChangeHalfLifeHours = Arg(args, "--half-life", (int)options.ChangeHalfLifeHours),
            DistinctRunnerUp = !args.Contains("--no-distinct-runner-up"),
            RunnerUpAlternatives = options.RunnerUpAlternatives && !args.Contains("--no-runner-up-alternatives"),
            MissRate = Arg(args, "--miss-rate", (int)Math.Round(options.MissRate * 100)) / 100.0,
            LogicalGroupPrior = Arg(args, "--w-group", (int)Math.Round(options.LogicalGroupPrior * 10)) / 10.0,
            PairSeeds = Arg(args, "--pair-seeds", options.PairSeeds),
            PairsRescored = Arg(args, "--pairs-rescored", options.PairsRescored),
        };
        var probabilistic = new DiagnosisEngine(options);
        var naive = new DiagnosisEngine(options with { Ranking = DiagnosisRanking.Naive });
        var monitored = probabilistic.MonitoredFlags(model);
        Report.Line($"diagnosis accuracy: {trials} trials per setting, seed {seed}, monitored: {string.Join(", ", options.MonitoredClasses)}; drop {DiagnosisScenarioGenerator.DropRate:P0}, "
            + $"spurious {DiagnosisScenarioGenerator.SpuriousRate:P0}; change weights {options.RecordedChangeWeight}/{options.DiscoveredChangeWeight}/{options.ManualChangeWeight}, neighbour {options.NeighbourChangeWeight}, half-life {options.ChangeHalfLifeHours} h, distinct runner-up {options.DistinctRunnerUp} (alternatives {options.RunnerUpAlternatives}), logical group {options.LogicalGroupPrior}, miss rate {options.MissRate}; faults: {(anyFault ? "any CI whose fault shows on 1–300 monitored CIs (the issue's choice)" : "--wide-faults-only: CIs whose fault takes down another CI and shows on 2–300 monitored CIs")}");
        Report.Line(DiagnosisTally.Header);
        Report.Line(DiagnosisTally.Rule);
        var estates = new (string Name, Func<GraphIndex> Build)[]
        {
            ($"enterprise {accuracyCis / 1000}k", () => SyntheticEstate.Generate(accuracyCis, seed).LoadGraph(model, At)),
            ($"microservices {services}", () => MicroserviceEstate.Build(model, services, seed, At)),
            ($"enterprise {latencyCis / 1000}k", () => SyntheticEstate.Generate(latencyCis, seed).LoadGraph(model, At)),
        };
        // --estates 0,1,2 (enterprise, microservices, large) and --settings SingleFault,TwoFaults,… pick a subset.
        var only = Text(args, "--estates")?.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToHashSet();
        var settings = args.Contains("--single-only") ? [DiagnosisSetting.SingleFault]
            : Text(args, "--settings")?.Split(',').Select(Enum.Parse<DiagnosisSetting>).ToArray() ?? Enum.GetValues<DiagnosisSetting>();
        // --oracle: the Bayes-optimal ranker that knows the generator's model, beside the product (accuracy estates only).
        var oracleRows = new List<string>();
        for (var e = 0; e < estates.Length; e++)
        {
            if (only is not null && !only.Contains(e)) continue;
            var graph = estates[e].Build();
            var large = e == estates.Length - 1;
            var truth = new DiagnosisTruth(graph, probabilistic, monitored);
            var oracle = args.Contains("--oracle") && !large ? new DiagnosisOracle(graph, monitored, spreadingOnly: !anyFault) : null;
            if (oracle is not null) oracleRows.Add(Shapes(estates[e].Name, graph));
            foreach (var setting in large ? [DiagnosisSetting.SingleFault] : settings)
            {
                var generator = new DiagnosisScenarioGenerator(graph, monitored, Start, seed + (int)setting, spreadingFaultsOnly: !anyFault);
                var tally = new DiagnosisTally(setting);
                var oracleTally = new DiagnosisOracleTally(setting, seed.ToString(CultureInfo.InvariantCulture));
                for (var t = 0; t < (large ? latencyTrials : trials); t++)
                {
                    var scenario = generator.Next(setting);
                    var request = new DiagnosisRequest(scenario.SymptomCiIds, scenario.StartedAt, TimeSpan.FromHours(24));
                    var cpu = ThreadCpu.Now();
                    var watch = Stopwatch.StartNew();
                    var scope = probabilistic.Prepare(graph, request);
                    var prepared = watch.Elapsed.TotalMilliseconds;
                    var result = probabilistic.Rank(scope, scenario.Evidence, 10);
                    var ms = watch.Elapsed.TotalMilliseconds;
                    var cpuMs = (ThreadCpu.Now() - cpu) * 1000;
                    if (verbose) Report.Line($"  t: prepare {prepared:F1} ms, total {ms:F1} ms, {scope.CandidateCount} candidates, {request.SymptomCiIds.Count} symptoms");
                    var baseline = naive.Diagnose(graph, request, scenario.Evidence, 10);
                    var truths = scenario.Causes.Select(c => truth.Of(c, scenario.StartedAt)).ToList();
                    var why = tally.Add(scenario, result, baseline, ms, cpuMs, truths, id => generator.CanFail(id, setting));
                    if (verbose && why.Count > 0) Report.Line($"  why: {string.Join(", ", why)}");
                    if (verbose) Explain(graph, scenario, result);
                    if (oracle is not null) CompareWithOracle(graph, scenario, result, oracle, oracleTally, truths, args.Contains("--oracle-verbose"));
                }

                Report.Line(tally.Row(estates[e].Name));
                if (oracle is not null) oracleRows.Add(oracleTally.Row(estates[e].Name) + " twins by shape: " + oracleTally.TwinShapes());
            }
        }

        PrintOracle(oracleRows);
    }

    /// <summary>Prints a miss: the truth and the winner with their tallies, for tuning the model.</summary>
    private static void Explain(GraphIndex graph, DiagnosisScenario scenario, DiagnosisResult result)
    {
        var truth = scenario.Causes[0];
        if (scenario.Causes.Count > 1)
        {
            if (scenario.Causes.All(c => result.Causes.Take(2).Any(x => x.CiId == c))) return;
            foreach (var c in scenario.Causes) Report.Line($"  miss2: truth {Describe(c)}");
            foreach (var c in result.Causes.Take(3)) Report.Line($"    top {Describe(c.CiId)} paired {c.PairedWith is not null} score {c.Score:F3}");
            return;
        }

        if (result.Causes[0].CiId == truth) return;
        string Describe(string id)
        {
            graph.TryGetNode(id, out var n);
            var cls = graph.Model.Classes[graph.StateAt(n, graph.Commits.Latest)!.ClassIndex].Name;
            var c = result.Causes.FirstOrDefault(x => x.CiId == id);
            return c is null ? $"{cls} (not in top 10)"
                : $"{cls} rank {c.Rank} log {c.LogScore:F2} expl {c.Evidence.SymptomsExplained.Count} healthy {c.Evidence.HealthyDependentCount} "
                  + $"changes {string.Join(",", c.Evidence.Changes.Select(x => (x.OnCandidate ? "C" : "N") + x.Change.Kind.ToString()[0] + (Start - x.Change.At).TotalHours.ToString("F1", CultureInfo.InvariantCulture)))} twins {c.Evidence.IndistinguishableFrom.Count}";
        }

        Report.Line($"  miss: {scenario.SymptomCiIds.Count} symptoms, changed={scenario.CauseChanged}; truth {Describe(truth)}; top {Describe(result.Causes[0].CiId)}");
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;
    }
}
