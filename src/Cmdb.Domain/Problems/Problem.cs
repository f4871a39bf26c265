namespace Cmdb.Domain.Problems;

/// <summary>A stored problem or known error, linked to the CIs it lives in and the incidents it caused.</summary>
public sealed record Problem(string Id, ProblemSpec Spec, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version);
