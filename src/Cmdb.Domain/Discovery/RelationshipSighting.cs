namespace Cmdb.Domain.Discovery;

/// <summary>What one source last reported about one relationship in one scope.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Scope">Scope name.</param>
/// <param name="Key">Type, source CI id and target CI id, joined by <c>|</c>.</param>
/// <param name="RelationshipId">The stored relationship.</param>
/// <param name="Fingerprint">Hash of the reported attributes.</param>
/// <param name="LastSeen">Last report.</param>
/// <param name="Missed">Consecutive complete runs of the scope that did not report it.</param>
public sealed record RelationshipSighting(
    string Source, string Scope, string Key, string RelationshipId, long Fingerprint, DateTimeOffset LastSeen, int Missed);
