namespace Cmdb.Storage.Sqlite;

public sealed partial class SqliteCmdbStore
{
    /// <summary>
    /// The creation entries of V0010's runs (<c>ci_created</c>) for CIs <c>c</c>, in the columns of an audit row: id, seq,
    /// operation (<c>$create</c>), entity kind (<c>$ciKind</c>), entity id, changes (the compact marker, expanded from
    /// version 1 by <c>CreationAudit</c>), ci_a, ci_b. A CI's run is the one with the largest first key at or below its
    /// own; callers add <see cref="InCreatedRun"/> to drop CIs created before V0010 (their entry is an audit row) or
    /// whose run retention removed.
    /// </summary>
    private const string CreatedAuditColumns = """
        SELECT k.first_audit_id + (c.rid - k.first_rid) AS id, k.seq, $create, $ciKind, c.id, '1', c.id, NULL
        FROM ci c JOIN ci_created k ON k.first_rid = (SELECT max(first_rid) FROM ci_created WHERE first_rid <= c.rid)
        """;

    private const string InCreatedRun = "c.rid < k.first_rid + k.count";
}
