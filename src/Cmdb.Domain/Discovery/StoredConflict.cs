namespace Cmdb.Domain.Discovery;

/// <summary>A reconciliation conflict as stored: keys for listing, the conflict itself as JSON.</summary>
public sealed record StoredConflict(string Id, string Source, string RunId, DateTimeOffset DetectedAt, string Json);
