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
    IReadOnlyList<string> NewSinglePointsOfFailure);
