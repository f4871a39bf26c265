namespace Cmdb.Domain.Items;

/// <summary>A source that reported a CI, and when it last saw it.</summary>
public sealed record SourceSighting(string Source, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
