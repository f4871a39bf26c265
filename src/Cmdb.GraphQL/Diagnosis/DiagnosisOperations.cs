using Cmdb.Domain.Changes;
using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Storage;

namespace Cmdb.GraphQL.Diagnosis;

/// <summary>
/// What the diagnosis fields do: resolve the request (an incident or symptoms), read the topology and the evidence,
/// rank. The engine is pure; this class does the I/O around it.
/// </summary>
public sealed partial class DiagnosisOperations(
    ICmdbStore store, DiagnosisEngine engine, IDiagnosisEvidenceSource evidence, TimeProvider time,
    IIncidentStore? incidents = null, IChangeStore? changes = null)
{
    /// <summary>Clock skew tolerated between a caller's start time and ours.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    public DiagnosisEngine Engine => engine;

    public async Task<DiagnosisNode> DiagnoseAsync(string? incidentId, DiagnoseInput? input, int first, CancellationToken cancellationToken)
    {
        if ((incidentId is null) == (input is null))
            throw CmdbException.Invalid("Pass either incidentId (a recorded incident) or input (symptoms and a start), exactly one of them.", "incidentId");
        DiagnosisRequest request;
        if (incidentId is not null)
        {
            var incident = (incidents is null ? null : await incidents.GetAsync(incidentId, cancellationToken))
                ?? throw CmdbException.NotFound($"Incident '{incidentId}' does not exist.");
            if (incident.SymptomCiIds.Count == 0)
                throw CmdbException.Invalid($"Incident '{incidentId}' has no symptomatic CIs yet; add them with addIncidentSymptoms first.", "incidentId");
            request = new DiagnosisRequest(incident.SymptomCiIds, incident.StartedAt, Window(null));
        }
        else
        {
            request = new DiagnosisRequest(input!.SymptomCiIds, input.StartedAt, Window(input.WindowHours));
        }

        var now = time.GetUtcNow();
        if (request.StartedAt > now + Skew)
            throw CmdbException.Invalid($"startedAt {request.StartedAt:O} is in the future (now {now:O}); diagnose trouble that has started.", "input.startedAt");
        return new DiagnosisNode(await RunAsync(request, first, cancellationToken), incidentId);
    }

    /// <summary>Other open incidents whose top causes share a CI with this diagnosis's top causes.</summary>
    public async Task<IReadOnlyList<RelatedIncident>> RelatedAsync(DiagnosisNode node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (incidents is null) return [];
        var top = engine.Options.RelatedTopCauses;
        var mine = node.Result.Causes.Take(top).Select(c => c.CiId).ToHashSet(StringComparer.Ordinal);
        var open = await incidents.ListAsync([IncidentState.Open, IncidentState.Investigating], engine.Options.RelatedIncidentsScanned, null, cancellationToken);
        var related = new List<RelatedIncident>();
        foreach (var incident in open.Items.Select(i => i.Node))
        {
            if (incident.Id == node.IncidentId || incident.SymptomCiIds.Count == 0) continue;
            DiagnosisResult theirs;
            try
            {
                theirs = await RunAsync(new DiagnosisRequest(incident.SymptomCiIds, incident.StartedAt, Window(null)), top, cancellationToken);
            }
            catch (CmdbException)
            {
                continue; // e.g. a symptom retired since: that incident cannot be compared, this one still can
            }

            var shared = theirs.Causes.Select(c => c.CiId).Where(mine.Contains).ToList();
            if (shared.Count > 0) related.Add(new RelatedIncident(incident, shared, incident.StartedAt));
        }

        return related;
    }

    private async Task<DiagnosisResult> RunAsync(DiagnosisRequest request, int first, CancellationToken cancellationToken)
    {
        var graph = await store.GetGraphAsync(request.SymptomCiIds, cancellationToken);
        var scope = engine.Prepare(graph, request);
        var found = await evidence.GatherAsync(scope.EvidenceCiIds, scope.WindowStart, request.StartedAt, cancellationToken);
        return engine.Rank(scope, found, first);
    }

    private TimeSpan Window(int? hours) => TimeSpan.FromHours(hours ?? engine.Options.DefaultWindowHours);
}
