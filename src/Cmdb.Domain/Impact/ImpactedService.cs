namespace Cmdb.Domain.Impact;

/// <summary>A business service (or a subclass) the trouble reaches.</summary>
public sealed record ImpactedService(string CiId, string ClassName, int? Criticality, ImpactState State, int Depth);
