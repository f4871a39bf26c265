namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// No table changes: from this version on, the audit entry of a new relationship without attributes stores only its
/// type as a JSON string (<c>"DEPENDS_ON"</c>) rather than the three-change array; source and target are the row's
/// <c>ci_a</c> and <c>ci_b</c> (<c>Internal/AuditJson</c>). Older rows keep the array and read as before. The step exists
/// so that an older build, which reads only arrays, refuses such a file instead of failing on its history reads.
/// </summary>
internal static class V0006CompactRelateAudit
{
    public const string Sql = "SELECT 1;";
}
