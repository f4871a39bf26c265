using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Model;

namespace Cmdb.Domain.Diagnosis;

/// <summary>
/// Ranks the probable causes of a set of symptoms. Pure and in memory: <see cref="Prepare"/> resolves the symptoms on
/// the topology as of the start and finds the candidates (the upstream closure: every CI whose trouble could reach a
/// symptom); the caller reads evidence for <see cref="DiagnosisScope.EvidenceCiIds"/>; <see cref="Rank"/> scores.
/// </summary>
/// <remarks>
/// Each candidate is a hypothesis "this CI failed". Its score is log P(symptoms | hypothesis) + log prior: every
/// monitored CI the failure would take down or degrade is reported with probability 1 − miss rate; every reported CI it
/// does not reach is noise, whose probability per monitored CI is the expected noise count over the monitored
/// population; changes, firing events and past root-cause records raise the prior. Pairs of candidates are scored the
/// same way (jointly propagated, with one more fault's prior) so two independent faults explain each other's symptoms
/// away. docs/diagnosis.md has the details. Stateless and thread-safe.
/// </remarks>
public sealed partial class DiagnosisEngine
{
    /// <summary>Follows every relationship type (indexed by type, up to the widest type index an edge can hold).</summary>
    private static readonly bool[] AnyType = Enumerable.Repeat(true, ushort.MaxValue + 1).ToArray();

    public DiagnosisEngine(DiagnosisOptions? options = null)
    {
        Options = options ?? new DiagnosisOptions();
    }

    public DiagnosisOptions Options { get; }

    /// <summary>Validates the request against the topology as of its start and collects the candidates.</summary>
    public DiagnosisScope Prepare(GraphIndex graph, DiagnosisRequest request)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(request);
        ValidateShape(request);
        var seq = graph.Commits.SeqAt(request.StartedAt);
        var symptoms = ResolveSymptoms(graph, request, seq);
        var rules = TraversalRules.Upstream(graph.Model, null, seq, Options.MaxDepth, includeRetired: false);
        var s = TraversalScratch.Rent(graph.NodeCount);
        try
        {
            ImpactEngine.Reach(graph, rules, symptoms, s);
            var count = Math.Min(s.Count, Options.MaxCandidates);
            return new DiagnosisScope(
                graph, request, seq, symptoms, s.Node.AsSpan(0, count).ToArray(), s.Depth.AsSpan(0, count).ToArray(), s.Count > count);
        }
        finally
        {
            TraversalScratch.Return(s);
        }
    }

    /// <summary>Prepares and ranks in one step.</summary>
    public DiagnosisResult Diagnose(GraphIndex graph, DiagnosisRequest request, DiagnosisEvidence evidence, int first) =>
        Rank(Prepare(graph, request), evidence, first);

    /// <summary>The CIs related to <paramref name="node"/> by any relationship live at <paramref name="seq"/>, either way.</summary>
    /// <remarks>Reads the other ends from the node's rows (an edge's ends by number cost a lookup each).</remarks>
    internal static IEnumerable<int> Neighbours(GraphIndex graph, int node, int seq)
    {
        var found = new List<int>();
        var view = graph.View();
        for (var c = new IncidentCursor(view, outgoing: true, AnyType, node, seq); c.MoveNext();)
        {
            if (c.Other != node) found.Add(c.Other);
        }

        for (var c = new IncidentCursor(view, outgoing: false, AnyType, node, seq); c.MoveNext();)
        {
            if (c.Other != node) found.Add(c.Other);
        }

        return found;
    }

    /// <summary>Flags by class index: the monitored classes and their subclasses.</summary>
    public bool[] MonitoredFlags(ModelCatalog model) => ClassFlags(model, Options.MonitoredClasses);

    /// <summary>Flags by class index: the named classes and their subclasses (names the model lacks are skipped).</summary>
    private static bool[] ClassFlags(ModelCatalog model, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(model);
        var flags = new bool[model.Classes.Count];
        foreach (var name in names)
        {
            if (!model.TryGetClass(name, out var ancestor)) continue; // a model without the class simply has none of them
            foreach (var c in model.WithSubclasses(ancestor)) flags[c.Index] = true;
        }

        return flags;
    }

    private void ValidateShape(DiagnosisRequest request)
    {
        if (request.SymptomCiIds is null || request.SymptomCiIds.Count == 0)
            throw CmdbException.Invalid("Name at least one symptomatic CI; a diagnosis needs symptoms.", "symptomCiIds");
        if (request.SymptomCiIds.Count > Options.MaxSymptoms)
            throw CmdbException.Invalid($"At most {Options.MaxSymptoms} symptomatic CIs per diagnosis; got {request.SymptomCiIds.Count}.", "symptomCiIds");
        var hours = request.Window.TotalHours;
        if (hours <= 0 || hours > Options.MaxWindowHours)
            throw CmdbException.Invalid($"The change window must be between 1 and {Options.MaxWindowHours} hours; got {hours:0.##}.", "windowHours");
    }

    private static int[] ResolveSymptoms(GraphIndex graph, DiagnosisRequest request, int seq)
    {
        var nodes = new List<int>(request.SymptomCiIds.Count);
        var seen = new HashSet<int>();
        foreach (var id in request.SymptomCiIds)
        {
            if (string.IsNullOrWhiteSpace(id)) throw CmdbException.Invalid("A symptomatic CI id is empty.", "symptomCiIds");
            if (!graph.TryGetNode(id, out var node) || graph.StateAt(node, graph.Commits.Latest) is null)
                throw CmdbException.Invalid($"Symptomatic CI '{id}' does not exist.", "symptomCiIds");
            if (!graph.IsLiveAt(node, seq))
                throw CmdbException.Invalid(
                    $"Symptomatic CI '{id}' did not exist (or was retired) at the start {request.StartedAt:O}; diagnosis reads the topology as of the start.",
                    "symptomCiIds");
            if (seen.Add(node)) nodes.Add(node);
        }

        return [.. nodes];
    }
}
