using Cmdb.Domain.Graph;

namespace Cmdb.Domain.Diagnosis;

/// <summary>
/// A diagnosis resolved against the topology, before evidence is read: the commit as of the start, the symptom
/// nodes and the candidates (the upstream closure of the symptoms, nearest first). <see cref="EvidenceCiIds"/> says
/// which CIs the evidence must cover.
/// </summary>
public sealed class DiagnosisScope
{
    private IReadOnlyList<string>? _evidenceCiIds;

    internal DiagnosisScope(GraphIndex graph, DiagnosisRequest request, int seq, int[] symptoms, int[] candidates, int[] depths, bool truncated)
    {
        Graph = graph;
        Request = request;
        Seq = seq;
        SymptomNodes = symptoms;
        CandidateNodes = candidates;
        CandidateDepths = depths;
        Truncated = truncated;
    }

    public GraphIndex Graph { get; }

    public DiagnosisRequest Request { get; }

    public int Seq { get; }

    public int CandidateCount => CandidateNodes.Length;

    public bool Truncated { get; }

    public DateTimeOffset WindowStart => Request.StartedAt - Request.Window;

    internal int[] SymptomNodes { get; }

    internal int[] CandidateNodes { get; }

    /// <summary>Hops from the nearest symptom.</summary>
    internal int[] CandidateDepths { get; }

    /// <summary>The candidates and their direct neighbours (changes next to a candidate count for it).</summary>
    public IReadOnlyList<string> EvidenceCiIds => _evidenceCiIds ??= CollectEvidenceIds();

    private string[] CollectEvidenceIds()
    {
        var nodes = new HashSet<int>(CandidateNodes);
        foreach (var c in CandidateNodes)
        {
            foreach (var n in DiagnosisEngine.Neighbours(Graph, c, Seq)) nodes.Add(n);
        }

        var ids = nodes.Select(Graph.CiId).ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        return ids;
    }
}
