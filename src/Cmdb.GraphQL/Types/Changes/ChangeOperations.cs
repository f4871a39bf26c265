using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.Events;
using Cmdb.Domain.Incidents;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;
using Cmdb.Domain.Storage;
using Microsoft.Extensions.Options;

namespace Cmdb.GraphQL.Types.Changes;

/// <summary>
/// Gathers what an assessment reads (graph, other changes, outcome history, CI facts) from the stores and runs the
/// pure <see cref="ChangeRiskAssessor"/>; also computes calendars, collisions and success rates.
/// </summary>
public sealed partial class ChangeOperations
{
    /// <summary>How far before a change's window approved changes are looked for (their edits shape its topology).</summary>
    public const int BackgroundDays = 30;

    /// <summary>Audited writes read for one verification; a window with more is a problem of its own.</summary>
    private const int MaxAuditedChanges = 10_000;

    private readonly ICmdbStore _store;
    private readonly IChangeStore _changes;
    private readonly IChangeTemplateStore _templates;
    private readonly IIncidentStore? _incidents;
    private readonly IEventStore? _events;
    private readonly ChangeRiskAssessor _assessor;
    private readonly ChangeVerifier _verifier;
    private readonly ImpactAnalyzer _analyzer;
    private readonly ChangeRiskOptions _options;
    private readonly TimeProvider _time;

    public ChangeOperations(
        ICmdbStore store, IChangeStore changes, IChangeTemplateStore templates, ChangeRiskAssessor assessor, ChangeVerifier verifier, ImpactAnalyzer analyzer,
        IOptions<ChangeRiskOptions> options, TimeProvider time, IIncidentStore? incidents = null, IEventStore? events = null)
    {
        _incidents = incidents;
        _events = events;
        _store = store;
        _changes = changes;
        _templates = templates;
        _assessor = assessor;
        _verifier = verifier;
        _analyzer = analyzer;
        _options = options.Value;
        _time = time;
    }

    public IChangeStore Changes => _changes;

    public async Task<ChangeRecord> GetAsync(string id, CancellationToken cancellationToken) =>
        await _changes.GetAsync(id, cancellationToken) ?? throw CmdbException.NotFound($"No change with id '{id}'.");

    /// <summary>Assesses a recorded change, a what-if input, or a recorded change with the input's fields instead.</summary>
    public async Task<ChangeAssessmentNode> AssessAsync(string? changeId, ChangeSpec? input, CancellationToken cancellationToken)
    {
        if (changeId is null && input is null) throw CmdbException.Invalid("Give a changeId to assess a recorded change, or an input to assess a what-if.", "input");
        var spec = input ?? (await GetAsync(changeId!, cancellationToken)).Spec;
        if (changeId is not null && input is not null) _ = await GetAsync(changeId, cancellationToken);
        ChangeSpecRules.ValidateShape(spec);
        var graph = await _store.GetGraphAsync(spec.TargetCiIds, cancellationToken);
        ChangeSpecRules.Validate(spec, graph);

        var others = await _changes.ListAsync(spec.PlannedStart.AddDays(-BackgroundDays), spec.PlannedEnd, null, cancellationToken);
        var now = _time.GetUtcNow();
        var history = await _changes.GetOutcomesAsync(spec.TargetCiIds, Classes(graph, spec.TargetCiIds), now.AddDays(-_options.HistoryDays), cancellationToken);
        var cis = await _store.GetCisAsync([.. spec.TargetCiIds.Union(BusinessServices(graph), StringComparer.Ordinal)], null, cancellationToken);
        var targets = spec.TargetCiIds.ToHashSet(StringComparer.Ordinal);
        var facts = cis.Values.Where(ci => targets.Contains(ci.Id)).ToDictionary(
            ci => ci.Id,
            ci => new CiFacts(ci.Id, ci.Owner, ci.Sources.Select(s => s.LastSeen).Append(ci.UpdatedAt).Max()),
            StringComparer.Ordinal);

        var template = string.IsNullOrWhiteSpace(spec.TemplateRef) ? null : await _templates.GetTemplateAsync(spec.TemplateRef, cancellationToken);
        var (incidents, firing) = await TroubleAsync(graph, spec, cancellationToken);
        var context = new ChangeRiskContext(graph, others, history, facts, now)
        {
            MaintenanceWindows = MaintenanceWindows(cis.Values), Template = template, Incidents = incidents, FiringEvents = firing,
        };
        var assessment = _assessor.Assess(spec, changeId, context);
        var byId = others.ToDictionary(o => o.Id, StringComparer.Ordinal);
        return new ChangeAssessmentNode(assessment, [.. assessment.Collisions.Select(c => new ChangeCollisionNode(byId[c.ChangeId], null, c.SharedCiIds))]);
    }

    /// <summary>Declared edits against what the graph recorded during the change's window.</summary>
    public async Task<ChangeVerification> VerifyAsync(string id, CancellationToken cancellationToken)
    {
        var change = await GetAsync(id, cancellationToken);
        var graph = await _store.GetGraphAsync(change.Spec.TargetCiIds, cancellationToken);
        var now = _time.GetUtcNow();
        // Field edits on attributes the graph does not hold (version, …) are read from the CIs as they were at the close.
        var fieldCis = change.Spec.TopologyEdits.Where(e => e.Kind == TopologyEditKind.SetField).Select(e => e.CiId!).Distinct(StringComparer.Ordinal).ToList();
        var observed = fieldCis.Count == 0 ? null
            : await _store.GetCisAsync(fieldCis, now >= change.Spec.PlannedEnd ? change.Spec.PlannedEnd : null, cancellationToken);
        var verification = _verifier.Verify(change, graph, now, observed);
        if (now <= change.Spec.PlannedStart || verification.BlastRadiusCiIds.Count == 0) return verification;

        // The graph holds only the facts traversals need; attribute edits (a version bump) are in the audit log.
        var until = now < change.Spec.PlannedEnd ? now : change.Spec.PlannedEnd;
        var audit = await _store.GetAuditAsync(verification.BlastRadiusCiIds, change.Spec.PlannedStart, until, MaxAuditedChanges, cancellationToken);
        return ChangeVerifier.WithAuditedChanges(verification, change.Spec, audit);
    }

    private static List<string> Classes(GraphIndex graph, IEnumerable<string> ids)
    {
        var seq = graph.Commits.Latest;
        return [.. ids.Select(id => graph.TryGetNode(id, out var n) && graph.StateAt(n, seq) is { } s ? graph.Model.Classes[s.ClassIndex].Name : null)
            .OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
