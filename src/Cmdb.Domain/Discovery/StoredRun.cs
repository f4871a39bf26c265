namespace Cmdb.Domain.Discovery;

/// <summary>A discovery run as stored: keys for listing, the record itself as JSON.</summary>
/// <param name="Id">Run id (a ULID, so ids sort by start time).</param>
/// <param name="Source">Source name.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Json">The engine's run record.</param>
public sealed record StoredRun(string Id, string Source, DateTimeOffset StartedAt, string Json);
