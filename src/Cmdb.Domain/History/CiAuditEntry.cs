namespace Cmdb.Domain.History;

/// <summary>An audited write found through one of the CIs it concerns.</summary>
/// <param name="Entry">The write.</param>
/// <param name="CiId">The CI asked about that the write concerns (for a relationship, the end that was asked about).</param>
/// <param name="OtherCiId">For a relationship, its other end; else null.</param>
public sealed record CiAuditEntry(AuditEntry Entry, string CiId, string? OtherCiId);
