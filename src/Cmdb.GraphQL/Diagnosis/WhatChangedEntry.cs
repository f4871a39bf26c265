using Cmdb.Domain.Diagnosis;
using Cmdb.Domain.History;

namespace Cmdb.GraphQL.Diagnosis;

/// <summary>One audited change in the upstream neighbourhood, with how far it is from the CIs asked about.</summary>
public sealed record WhatChangedEntry(CiAuditEntry Audit, int Depth, DiagnosisChangeKind Kind, string? ChangeId);
