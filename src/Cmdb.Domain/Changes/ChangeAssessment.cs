using Cmdb.Domain.Impact;

namespace Cmdb.Domain.Changes;

/// <summary>The answer to "how risky is this change, why, what does it collide with, and who must approve it?".</summary>
public sealed record ChangeAssessment(
    int Score,
    RiskLevel Level,
    ApprovalPath RecommendedApproval,
    IReadOnlyList<RiskFactor> Factors,
    IReadOnlyList<ChangeCollision> Collisions,
    ImpactResult Impact,
    IReadOnlyList<string> NewSinglePointsOfFailure)
{
    /// <summary>One sentence saying why <see cref="RecommendedApproval"/> is what it is (e.g. why a template did not shield it).</summary>
    public string ApprovalExplanation { get; init; } = "";
}
