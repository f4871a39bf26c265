namespace Cmdb.Domain.Impact;

/// <summary>A CI that the questioned CI needs, directly or through others.</summary>
/// <param name="CiId">The CI needed.</param>
/// <param name="ClassName">Its class.</param>
/// <param name="Environment">Its environment, or null.</param>
/// <param name="Criticality">Its criticality, or null when not set.</param>
/// <param name="Depth">Hops from the questioned CI.</param>
public sealed record DependencyItem(string CiId, string ClassName, string? Environment, int? Criticality, int Depth);
