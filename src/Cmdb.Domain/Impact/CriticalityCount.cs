namespace Cmdb.Domain.Impact;

/// <summary>How many reached CIs carry a criticality (null: none set).</summary>
public sealed record CriticalityCount(int? Criticality, int Count);
