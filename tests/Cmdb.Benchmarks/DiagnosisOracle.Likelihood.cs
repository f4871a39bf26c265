using Cmdb.Domain.Diagnosis;
using Cmdb.Testing.Diagnosis;

namespace Cmdb.Benchmarks;

internal sealed partial class DiagnosisOracle
{
    private const double Keep = 1 - DiagnosisScenarioGenerator.DropRate;
    private const double Drop = DiagnosisScenarioGenerator.DropRate;

    // The generator's change draws: the cause's change 5–360 minutes before (record or discovered, even odds), decoys
    // 5–1440 minutes before, any of the three kinds.
    private const int CauseMinutes = 360 - 5 + 1;
    private const int DecoyMinutes = 1440 - 5 + 1;
    private static readonly double LogHalf = Math.Log(0.5);
    private static readonly double LogCauseChange = Math.Log(0.5 / CauseMinutes);
    private static readonly double LogDecoyDraw = Math.Log(1.0 / (3 * DecoyMinutes));

    /// <summary>
    /// log P(exactly the <paramref name="k"/> reported of its <paramref name="o"/> observable CIs | this fault): each kept
    /// with probability 0.7, and when none is, one of them kept anyway.
    /// </summary>
    private static double FaultLog(int k, int o)
    {
        if (k == 0 || k > o) return double.NegativeInfinity;
        var log = (k * Math.Log(Keep)) + ((o - k) * Math.Log(Drop));
        return k == 1 ? LogAdd(log, (o * Math.Log(Drop)) - Math.Log(o)) : log;
    }

    /// <summary>
    /// log P(these <paramref name="spurious"/> spurious reports | <paramref name="kept"/> kept): their number is
    /// floor(0.1·kept + U), drawn without replacement from the <paramref name="outside"/> monitored CIs no fault affects.
    /// </summary>
    private static double NoiseLog(int kept, int spurious, int outside)
    {
        var x = DiagnosisScenarioGenerator.SpuriousRate * kept;
        var floor = Math.Floor(x);
        var p = spurious == (int)floor ? 1 - (x - floor) : spurious == (int)floor + 1 ? x - floor : 0;
        if (p <= 0 || spurious > outside) return double.NegativeInfinity;
        var log = Math.Log(p);
        for (var i = 0; i < spurious; i++) log -= Math.Log(outside - i) - Math.Log(i + 1);
        return log;
    }

    private static int MaxNoise(int kept)
    {
        var x = DiagnosisScenarioGenerator.SpuriousRate * kept;
        var floor = (int)Math.Floor(x);
        return x > floor ? floor + 1 : floor;
    }

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        var max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }

    /// <summary>A change of the scenario: on which CI, of which kind, how many minutes before the start.</summary>
    private readonly record struct Change(int Node, DiagnosisChangeKind Kind, int Minutes)
    {
        public bool CanBeCause => Kind != DiagnosisChangeKind.Manual && Minutes is >= 5 and <= 360;
    }

    private sealed record ChangeContext(int[] Symptoms, List<Change> Changes, int Candidates);

    private List<Change> ChangesOf(DiagnosisScenario scenario)
    {
        var list = new List<Change>();
        foreach (var (ciId, changes) in scenario.Evidence.Changes)
        {
            foreach (var c in changes) list.Add(new Change(Node(ciId), c.Kind, (int)Math.Round((scenario.StartedAt - c.At).TotalMinutes)));
        }

        return list;
    }

    /// <summary>log P(the scenario's changes | these CIs failed), up to a term equal for every hypothesis of the setting.</summary>
    private double ChangeLog(DiagnosisOracleMode mode, int[] faults, ChangeContext context)
    {
        if (mode == DiagnosisOracleMode.SymptomsOnly) return 0;
        if (mode == DiagnosisOracleMode.Fair)
        {
            // Likelihood ratio of a faulty CI's changes against a healthy one's: either the cause did not change (1/2) or
            // one of its changes is the cause's (1/2 × its density over an unrelated change's: 2 per upstream closure).
            var log = 0.0;
            var unrelated = 2.0 / context.Candidates * Math.Exp(LogDecoyDraw);
            foreach (var f in faults)
            {
                var ratio = 0.0;
                foreach (var c in context.Changes)
                {
                    if (c.Node == f && c.CanBeCause) ratio += Math.Exp(LogCauseChange) / unrelated;
                }

                log += Math.Log(0.5 + (0.5 * ratio));
            }

            return log;
        }

        var onFaulty = context.Changes.Where(c => faults.Contains(c.Node)).ToList();
        var result = double.NegativeInfinity;
        var uniform = mode == DiagnosisOracleMode.ExactUniformDecoys;
        if (onFaulty.Count == 0) result = LogHalf + DecoyLog(context.Changes, faults, context.Symptoms, uniform);
        if (onFaulty.Count == faults.Length && faults.All(f => onFaulty.Count(c => c.Node == f) == 1) && onFaulty.All(c => c.CanBeCause))
        {
            var rest = context.Changes.Where(c => !faults.Contains(c.Node)).ToList();
            result = LogAdd(result, LogHalf + (faults.Length * LogCauseChange) + DecoyLog(rest, faults, context.Symptoms, uniform));
        }

        return result;
    }
}
