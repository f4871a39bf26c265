namespace Cmdb.Domain.Events;

/// <summary>What became of one ingested event: stored as new or as an update, and where it mapped.</summary>
public sealed record IngestOutcome(string EventId, string Fingerprint, bool IsNew, string? CiId, string? MappedBy);
