namespace Cmdb.Domain.Discovery;

/// <summary>What one source last reported about one CI in one scope.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Scope">Scope name (a file, a cluster, a host).</param>
/// <param name="CiId">The CI the report was reconciled to.</param>
/// <param name="Fingerprint">Hash of what the source reported; equal means the source has nothing new to say.</param>
/// <param name="FirstSeen">First report.</param>
/// <param name="LastSeen">Last report.</param>
/// <param name="Missed">Consecutive complete runs of the scope that did not report it (0: seen on the latest).</param>
/// <param name="Retired">True when discovery retired the CI because of these misses.</param>
public sealed record CiSighting(
    string Source, string Scope, string CiId, long Fingerprint, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Missed, bool Retired);
