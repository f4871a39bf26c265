namespace Cmdb.Domain.Impact;

/// <summary>A CI the trouble reaches.</summary>
/// <param name="CiId">The CI.</param>
/// <param name="ClassName">Its class.</param>
/// <param name="Environment">Its environment, or null.</param>
/// <param name="Criticality">Its criticality, or null when not set.</param>
/// <param name="State">How badly it is affected.</param>
/// <param name="Depth">Hops from the nearest cause (0 for a cause).</param>
/// <param name="IsCause">True for the CIs the question started from.</param>
public sealed record ImpactItem(string CiId, string ClassName, string? Environment, int? Criticality, ImpactState State, int Depth, bool IsCause);
