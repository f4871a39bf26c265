using System.Numerics;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Impact;

namespace Cmdb.Domain.Diagnosis;

public sealed partial class DiagnosisEngine
{
    /// <summary>Scores every candidate (and the most promising pairs) and returns the best <paramref name="first"/> with evidence.</summary>
    public DiagnosisResult Rank(DiagnosisScope scope, DiagnosisEvidence evidence, int first)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(evidence);
        if (first < 1 || first > Options.MaxFirst)
            throw CmdbException.Invalid($"Ask for between 1 and {Options.MaxFirst} causes; got {first}.", "first");
        var graph = scope.Graph;
        var monitored = MonitoredFlags(graph.Model);
        var rules = TraversalRules.Downstream(graph.Model, null, scope.Seq, Options.MaxDepth, includeRetired: false);
        var p = Predictor.Rent(graph, rules, monitored, scope.SymptomNodes);
        try
        {
            var run = new RankRun(this, scope, evidence, p, Observation(scope, monitored));
            run.ScoreSingles();
            if (Options.Ranking == DiagnosisRanking.Probabilistic) run.ScorePairs();
            return run.Output(first);
        }
        finally
        {
            Predictor.Return(p);
        }
    }

    /// <summary>Log-probabilities of the observation model for this request.</summary>
    private ObservationModel Observation(DiagnosisScope scope, bool[] monitored)
    {
        var (live, watched) = Population(scope.Graph, scope.Seq, monitored);
        var symptoms = scope.SymptomNodes.Length;

        // Noise: the expected number of spurious reports spread over every monitored CI. Capped so that in a tiny estate
        // an unexplained report still costs more than a missed one.
        var expectedNoise = Math.Max(0.5, Options.SpuriousShare * symptoms);
        var noise = Math.Min(0.05, expectedNoise / Math.Max(1, watched));
        var fault = Math.Min(0.05, 1.0 / Math.Max(1, live));
        return new ObservationModel(Math.Log(1 - Options.MissRate), Math.Log(Options.MissRate), Math.Log(noise), Math.Log(fault), symptoms);
    }

    /// <summary>log P(report | affected), log P(no report | affected), log P(report | unaffected) per CI, log prior of one more fault.</summary>
    private readonly record struct ObservationModel(double Hit, double Miss, double Noise, double Fault, int Symptoms)
    {
        public double LogLikelihood(int explained, int missed) =>
            explained * Hit + missed * Miss + (Symptoms - explained) * Noise;
    }

    private static int PopCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = 0;
        for (var i = 0; i < a.Length; i++) n += BitOperations.PopCount(a[i] | b[i]);
        return n;
    }

    private static bool AddsAny(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if ((b[i] & ~a[i]) != 0) return true;
        }

        return false;
    }
}
