namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    private (long FirstRid, long FirstAuditId, long Count) _created; // the open run of creations (V0010); Count 0: none

    /// <summary>
    /// Takes the next audit id for a new CI's creation entry and records it in the open run (<c>ci_created</c>, V0010):
    /// a bulk import of CIs writes one row per batch instead of one audit row (three B-tree inserts) per CI.
    /// </summary>
    private void AuditCreated(long rid)
    {
        var auditId = NextAuditId++;
        Changed = true;
        var (firstRid, firstAuditId, count) = _created;
        if (count > 0 && firstRid + count == rid && firstAuditId + count == auditId)
        {
            _created.Count++;
            return;
        }

        WriteCreatedRun();
        _created = (rid, auditId, 1);
    }

    /// <summary>Writes the open run of creations, if any; called before the batch's last drain.</summary>
    private void WriteCreatedRun()
    {
        var (firstRid, firstAuditId, count) = _created;
        if (count == 0) return;
        Run(_sql.InsertCreated, firstRid, count, firstAuditId, _seq);
        _created = default;
    }
}
