namespace Cmdb.Storage.Sqlite.Migrations;

/// <summary>
/// No table changes: from this version on, the audit entry of a CI's creation stores <c>1</c> as its changes, meaning
/// "the after-image is version 1 of <c>ci_a</c>", rather than the array of every field set (about 0.5 kB a CI).
/// Reads expand it from that <c>ci_version</c> row to the same changes (<c>Internal/CreationAudit</c>); older rows keep
/// the array and read as before. Version 1 of a CI ends no earlier than its creation's commit, so retention never
/// deletes the row an audit entry it keeps needs. The step exists so that an older build, which reads only arrays,
/// refuses such a file instead of failing on its history reads.
/// </summary>
internal static class V0007CompactCreateAudit
{
    public const string Sql = "SELECT 1;";
}
