namespace Cmdb.Domain.Events;

/// <summary>Which events to list: on one CI, only unmapped ones, and/or in one status.</summary>
public sealed record EventFilter(string? CiId = null, bool UnmappedOnly = false, EventStatus? Status = null);
