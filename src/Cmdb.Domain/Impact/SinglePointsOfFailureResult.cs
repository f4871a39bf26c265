namespace Cmdb.Domain.Impact;

/// <summary>The single points of failure of a service, worst first (most CIs taken down, then nearest, then id).</summary>
/// <param name="ServiceCiId">The service asked about.</param>
/// <param name="Items">The CIs whose loss alone takes it down.</param>
/// <param name="CandidatesExamined">How many CIs the service needs (each was tried).</param>
public sealed record SinglePointsOfFailureResult(string ServiceCiId, IReadOnlyList<SinglePointOfFailure> Items, int CandidatesExamined);
