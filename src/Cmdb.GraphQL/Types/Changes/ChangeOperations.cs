using Cmdb.Domain.Changes;
using Cmdb.Domain.Errors;
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

    private readonly ICmdbStore _store;
    private readonly IChangeStore _changes;
    private readonly ChangeRiskAssessor _assessor;
    private readonly ChangeVerifier _verifier;
    private readonly ImpactAnalyzer _analyzer;
    private readonly ChangeRiskOptions _options;
    private readonly TimeProvider _time;

    public ChangeOperations(
        ICmdbStore store, IChangeStore changes, ChangeRiskAssessor assessor, ChangeVerifier verifier, ImpactAnalyzer analyzer, IOptions<ChangeRiskOptions> options, TimeProvider time)
    {
        _store = store;
        _changes = changes;
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
        var cis = await _store.GetCisAsync(spec.TargetCiIds, null, cancellationToken);
        var facts = cis.Values.ToDictionary(
            ci => ci.Id,
            ci => new CiFacts(ci.Id, ci.Owner, ci.Sources.Select(s => s.LastSeen).Append(ci.UpdatedAt).Max()),
            StringComparer.Ordinal);

        var assessment = _assessor.Assess(spec, changeId, new ChangeRiskContext(graph, others, history, facts, now));
        var byId = others.ToDictionary(o => o.Id, StringComparer.Ordinal);
        return new ChangeAssessmentNode(assessment, [.. assessment.Collisions.Select(c => new ChangeCollisionNode(byId[c.ChangeId], null, c.SharedCiIds))]);
    }

    /// <summary>Declared edits against what the graph recorded during the change's window.</summary>
    public async Task<ChangeVerification> VerifyAsync(string id, CancellationToken cancellationToken)
    {
        var change = await GetAsync(id, cancellationToken);
        var graph = await _store.GetGraphAsync(change.Spec.TargetCiIds, cancellationToken);
        return _verifier.Verify(change, graph, _time.GetUtcNow());
    }

    private static List<string> Classes(GraphIndex graph, IEnumerable<string> ids)
    {
        var seq = graph.Commits.Latest;
        return [.. ids.Select(id => graph.TryGetNode(id, out var n) && graph.StateAt(n, seq) is { } s ? graph.Model.Classes[s.ClassIndex].Name : null)
            .OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
