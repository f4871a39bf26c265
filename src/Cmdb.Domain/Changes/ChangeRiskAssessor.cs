using Cmdb.Domain.Errors;
using Cmdb.Domain.Graph;
using Cmdb.Domain.Impact;

namespace Cmdb.Domain.Changes;

/// <summary>
/// Scores a change: pure, deterministic and explainable. The same change, context and options always give the
/// same score, level, approval path and factors; the factors' contributions add up to the score.
/// </summary>
public sealed partial class ChangeRiskAssessor
{
    private readonly ChangeRiskOptions _options;
    private readonly ImpactAnalyzer _analyzer;
    private readonly List<(MaintenanceWindowRule Rule, IReadOnlyList<MaintenanceWindow> Windows)> _rules;

    public ChangeRiskAssessor(ChangeRiskOptions options, ImpactAnalyzer? analyzer = null)
    {
        var errors = ChangeRiskOptionsRules.Check(options);
        if (errors.Count > 0) throw CmdbException.Invalid(string.Join(" ", errors), "options");
        _options = options;
        _analyzer = analyzer ?? new ImpactAnalyzer();
        _rules = [.. options.MaintenanceWindows.Select(r => (r, MaintenanceWindow.ParseAll(r.Window)))];
    }

    /// <summary>
    /// Assesses <paramref name="spec"/>; <paramref name="changeId"/> is the record being assessed (so it is not
    /// counted as colliding with itself), or null for a what-if.
    /// </summary>
    public ChangeAssessment Assess(ChangeSpec spec, string? changeId, ChangeRiskContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var graph = context.Graph;
        ChangeSpecRules.Validate(spec, graph);
        var seq = context.Seq ?? graph.Commits.Latest;
        var others = context.OtherChanges.Where(c => c.Id != changeId).ToList();

        var topology = After(spec, others, graph, seq, out var afterSeq);
        var impact = _analyzer.Impact(topology, spec.TargetCiIds.ToList(), new ImpactScope { AsOfSeq = afterSeq });
        var reached = Reached(impact);
        var spofs = SinglePoints(spec, graph, seq, topology, afterSeq, impact, out var created);
        var collisions = Collide(spec, others, graph, seq, reached);

        var measures = new List<RiskScore.Measure>
        {
            BlastRadius(impact, spec.TargetCiIds.Count),
            Criticality(impact),
            Outage(impact),
            SinglePointsFactor(spofs, created),
            Production(spec, graph, seq),
            TypeFactor(spec.Type),
            CollisionsFactor(collisions),
            Freeze(spec),
            Maintenance(spec, graph, seq, impact, context),
            IncidentsFactor(reached, context),
            Missing(RiskFactorNames.MissingRollbackPlan, _options.MissingRollbackPlanWeight, spec.RollbackPlan, "rollback plan",
                "If it goes wrong, nobody has written down how to undo it."),
            Missing(RiskFactorNames.MissingTestEvidence, _options.MissingTestEvidenceWeight, spec.TestEvidence, "test evidence",
                "Nothing shows it was tried outside production first."),
            FailureRate(spec, graph, seq, context),
            Uncertainty(spec, context),
        };

        var (score, factors) = RiskScore.Compose(measures);
        var level = LevelOf(score);
        var (approval, why) = Approval(spec, level, graph, seq, context);
        return new ChangeAssessment(score, level, approval, factors, collisions, impact, created) { ApprovalExplanation = why };
    }

    /// <summary>The level the thresholds give a score.</summary>
    public RiskLevel LevelOf(int score) =>
        score >= _options.CriticalThreshold ? RiskLevel.Critical
        : score >= _options.HighThreshold ? RiskLevel.High
        : score >= _options.MediumThreshold ? RiskLevel.Medium
        : RiskLevel.Low;

    /// <summary>
    /// The topology the change meets: its own edits applied after those of every approved or scheduled change that
    /// starts before it (ordered by start, then id). Without any edits the live index is read as is.
    /// </summary>
    private static GraphIndex After(ChangeSpec spec, List<ChangeRecord> others, GraphIndex graph, int seq, out int afterSeq)
    {
        var background = others
            .Where(c => c.State is ChangeState.Approved or ChangeState.Scheduled && c.Spec.PlannedStart < spec.PlannedStart)
            .OrderBy(c => c.Spec.PlannedStart).ThenBy(c => c.Id, StringComparer.Ordinal)
            .SelectMany(c => c.Spec.TopologyEdits)
            .ToList();
        if (background.Count == 0 && spec.TopologyEdits.Count == 0)
        {
            afterSeq = seq;
            return graph;
        }

        afterSeq = 2;
        return WhatIfGraph.Apply(graph, seq, background, spec.TopologyEdits);
    }

    private static HashSet<string> Reached(ImpactResult impact) =>
        impact.Items(0, impact.TotalCount).Select(i => i.CiId).ToHashSet(StringComparer.Ordinal);
}
