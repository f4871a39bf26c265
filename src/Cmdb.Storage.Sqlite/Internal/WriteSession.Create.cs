using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    /// <summary>
    /// A new CI: merged without a list of changes (<see cref="CiMerge.Create"/>), and audited by naming its version 1
    /// (<see cref="CreationAudit"/>), whose fields are exactly what the creation set. The entry itself is part of a
    /// run of creations (<see cref="AuditCreated"/>, V0010).
    /// </summary>
    private OperationResult Create(CiClass ciClass, string id, CiFields fields, string? path)
    {
        var ci = CiMerge.Create(_model, ciClass, id, fields, _stamp, path);
        Identification.EnsureUnique(id, ci.Identifiers, HolderOf, path);
        var rid = NextRid++;
        Run(_sql.InsertCi, rid, id, ci.Class, ci.Name, CiJson.StatusText(ci.Status), ci.Environment, ci.Criticality, ci.Owner, ci.SupportGroup, ci.Version);
        Run(_sql.InsertVersion, id, ci.Version, _seq, CiJson.Write(ci, _json, _buffer));
        foreach (var (scheme, value) in ci.Identifiers)
        {
            Run(_sql.InsertIdentifier, scheme, value, id, _seq);
            _identifierOverlay[(scheme, value)] = id;
        }

        InsertSearchRow(rid, ci);
        AuditCreated(rid); // read back as (create, ci, id, version 1 of id): see CreationAudit
        // A new CI's digest is left unknown: most are never upserted again in this process, and the next start-up reads it.
        Remember(ci, ciClass, rid, UInt128.Zero);
        return new OperationResult(WriteOutcome.Created, id, ci.Version);
    }

    private void InsertSearchRow(long rid, ConfigurationItem ci) =>
        Run(_sql.InsertFts, rid, ci.Name, Joined(ci.Identifiers.Values), Joined(ci.Tags),
            $"{ci.Owner} {ci.SupportGroup}", ci.Class, SearchText.AttributeValues(ci.Attributes));
}
