namespace Cmdb.Domain.Discovery;

/// <summary>A retirement a held run is holding back until an admin approves or rejects the run.</summary>
public sealed record HeldRetirement(string RunId, string Source, string Scope, string CiId, string Reason);
