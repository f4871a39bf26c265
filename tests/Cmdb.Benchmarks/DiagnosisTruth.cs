using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;

namespace Cmdb.Benchmarks;

/// <summary>
/// What the truth looks like without noise, decided independently of the ranking under test: a cause's full observable
/// impact (the impact analyzer's monitored DOWN/DEGRADED CIs) and its topological twins — the candidates whose failure
/// predicts exactly that set, read from a noise-free, evidence-free diagnosis of the full set (where the cause explains
/// everything and nothing can outscore it, so it is always listed).
/// </summary>
internal sealed class DiagnosisTruth(GraphIndex graph, DiagnosisEngine engine, bool[] monitored)
{
    private readonly ImpactAnalyzer _impact = new(new ImpactOptions { DefaultMaxDepth = 50 });

    /// <summary>The cause's observable impact and its twins (at most 10 listed, as the evidence lists them).</summary>
    public (HashSet<string> Observable, IReadOnlyList<string> Twins) Of(string cause, DateTimeOffset startedAt)
    {
        var impact = _impact.Impact(graph, [cause]);
        var observable = impact.Items(0, impact.TotalCount)
            .Where(i => i.State >= ImpactState.Degraded && monitored[graph.Model.GetClass(i.ClassName).Index])
            .Select(i => i.CiId).ToHashSet(StringComparer.Ordinal);
        if (observable.Count == 0 || observable.Count > engine.Options.MaxSymptoms) return (observable, []);
        var request = new DiagnosisRequest([.. observable.Order(StringComparer.Ordinal)], startedAt, TimeSpan.FromHours(24));
        var result = engine.Diagnose(graph, request, DiagnosisEvidence.Empty, engine.Options.MaxFirst);
        var twins = result.Causes.FirstOrDefault(c => c.CiId == cause)?.Evidence.IndistinguishableFrom ?? [];
        return (observable, twins);
    }
}
