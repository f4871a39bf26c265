namespace Cmdb.Domain.Changes;

/// <summary>What the uncertainty factor needs to know about a CI in scope: who owns it and when it was last confirmed.</summary>
public sealed record CiFacts(string CiId, string? Owner, DateTimeOffset LastConfirmed);
