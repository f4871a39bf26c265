using Cmdb.Domain.Errors;
using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    private const string IdentifierPrefix = "identifiers.";

    private OperationResult UpsertCi(UpsertCi op)
    {
        TakeAhead(op);
        // Paths are built only for an error: a re-import decides most upserts in about a microsecond, and two strings
        // per record were a visible part of that.
        if (!_model.TryGetClass(op.Class, out var ciClass)) ciClass = _model.GetClass(op.Class, CiPath(op.Path, "class"));
        if (!string.Equals(op.Class, ciClass.Name, StringComparison.Ordinal)) _ahead = default; // digested under the name as written
        var pairs = CollectPairs(op.Fields);
        foreach (var (scheme, value) in pairs) ValidateIdentifier(scheme, value, op.Path, "identifiers");

        string? id;
        int node;
        bool indexed;
        if (op.Id is null && SoleHolder(pairs, out node))
        {
            id = _graph.CiId(node);
            indexed = !_cis.ContainsKey(id);
        }
        else
        {
            id = op.Id ?? Identification.Match(_model, ciClass, op.Fields.Identifiers, _holderOf, op.Path);
            node = -1;
            indexed = id is not null && !_cis.ContainsKey(id) && _graph.TryGetNode(id, out node);
        }

        (ConfigurationItem Ci, long Rid)? existing = null;
        if (indexed && id is not null)
        {
            if (UnchangedVersion(ciClass, node, op.Fields, op.Path) is { } version)
            {
                UnchangedInMemory++;
                return new OperationResult(WriteOutcome.Unchanged, id, version);
            }

            existing = Load(id);
            // A CI created since start-up has no digest yet (one per created CI would slow bulk imports). The state just
            // read is the committed one, whatever this batch does next, so its digest is safe to keep now.
            if (existing is { } stored && !_fingerprints.IsKnown(node)) _fingerprints.Set(node, _sql.Fingerprint.Of(stored.Ci), stored.Ci.Version);
            _found = (id, node);
        }
        else if (id is not null)
        {
            existing = Load(id);
        }

        if (op.Id is not null && existing is null)
            throw new CmdbException(ErrorCode.NotFound, $"CI {op.Id} does not exist.", CiPath(op.Path, "id"));
        return Write(ciClass, existing, id ?? _newIds.Next(), op.Fields, op.Path, AuditNames.Update);
    }

    private OperationResult UpdateCi(UpdateCi op)
    {
        var existing = LoadForChange(op.Id, op.ExpectedVersion, op.Path);
        return Write(_model.GetClass(existing.Ci.Class), existing, op.Id, op.Fields, op.Path, AuditNames.Update);
    }

    private OperationResult RetireCi(RetireCi op)
    {
        var existing = LoadForChange(op.Id, op.ExpectedVersion, op.Path);
        if (existing.Ci.Status == CiStatus.Retired) return new OperationResult(WriteOutcome.Unchanged, op.Id, existing.Ci.Version);
        return Write(_model.GetClass(existing.Ci.Class), existing, op.Id, new CiFields { Status = CiStatus.Retired }, op.Path, AuditNames.Retire);
    }

    private (ConfigurationItem Ci, long Rid) LoadForChange(string id, long? expectedVersion, string? path)
    {
        var existing = Load(id) ?? throw new CmdbException(ErrorCode.NotFound, $"CI {id} does not exist.", CiPath(path, "id"));
        if (expectedVersion is { } expected && existing.Ci.Version != expected)
        {
            throw CmdbException.Conflict(
                $"CI {id} is at version {existing.Ci.Version}, not {expected}: reload and retry.", CiPath(path, "expectedVersion"));
        }

        return existing;
    }

    private OperationResult Write(CiClass ciClass, (ConfigurationItem Ci, long Rid)? existing, string id, CiFields fields, string? path, string operation)
    {
        if (existing is not { } old) return Create(ciClass, id, fields, path);
        var merged = CiMerge.Apply(_model, ciClass, old.Ci, id, fields, _stamp, path); // the batch's one stamp: no actor text per write
        if (merged.Changes.Count == 0) return new OperationResult(WriteOutcome.Unchanged, id, old.Ci.Version);
        var ci = merged.Ci;
        // The identifiers a CI already holds are its own (one holder each, kept so by this check on every write that
        // changes them): only a write that changes one is checked, which spares an attribute-only update (discovery's
        // usual one) a map lookup per identifier and a walk of the sorted identifiers.
        var identifiersChanged = ChangesIdentifiers(merged.Changes);
        if (identifiersChanged) Identification.EnsureUnique(id, ci.Identifiers, _holderOf, path);

        var rid = old.Rid;
        // The ci row holds only the columns filters use; the current version is the highest ci_version row (V0014). So an
        // update of what only the snapshot holds (discovery's usual one: attributes) leaves the row, and its page, alone:
        // rewriting it dirtied a page at a random place in the table per update (at 1M CIs, a fifth of a run's CPU with
        // the WAL copy-back).
        if (CiRow.Changes(merged.Changes))
        {
            // By the row key read with the CI: no descent of the id index on the statement thread.
            // Typed rows rather than Run's object array: an update wrote five boxed numbers and an array per row.
            Row(_sql.UpdateCi).Int(rid).Text(ci.Name).Text(CiJson.StatusText(ci.Status)).Text(ci.Environment).Int(ci.Criticality)
                .Text(ci.Owner).Text(ci.SupportGroup);
            EndRow();
        }
        // A change of status, environment, criticality or minimum only leaves the search row as it is: not rewritten.
        var searchRowChanges = SearchText.RowChanges(merged.Changes);
        if (searchRowChanges)
        {
            Row(_sql.DeleteFts).Int(rid);
            EndRow();
        }

        // The old version is not closed: its end is this version's start (V0013), so the update dirties no old page.
        Row(_sql.InsertVersion).Text(id).Int(ci.Version).Int(Seq).Utf8(CiJson.Write(ci, _json, _buffer).Span);
        EndRow();
        if (identifiersChanged) WriteIdentifiers(id, merged.Changes);
        if (searchRowChanges) InsertSearchRow(rid, ci);
        Audit(operation, AuditNames.Ci, id, id, null, merged.Changes);
        Remember(ci, ciClass, rid, _sql.Fingerprint.Of(ci), _found.Id == id ? _found.Node : -1);
        return new OperationResult(operation == AuditNames.Retire ? WriteOutcome.Retired : WriteOutcome.Updated, id, ci.Version);
    }

    private static bool ChangesIdentifiers(IReadOnlyList<FieldChange> changes)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Field.StartsWith(IdentifierPrefix, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private void WriteIdentifiers(string id, IReadOnlyList<FieldChange> changes)
    {
        foreach (var change in changes)
        {
            if (!change.Field.StartsWith(IdentifierPrefix, StringComparison.Ordinal)) continue;
            var scheme = change.Field[IdentifierPrefix.Length..];
            if (change.Before?.GetValue<string>() is { } old)
            {
                Run(_sql.CloseIdentifier, scheme, old, _seq);
                Run(_sql.DropCurrentIdentifier, scheme, old);
                _identifierOverlay[(scheme, old)] = null;
            }

            var value = change.After!.GetValue<string>();
            Run(_sql.InsertIdentifier, scheme, value, id, _seq);
            _identifierOverlay[(scheme, value)] = id;
        }
    }

    /// <summary>The CI's current state (this batch's writes included) and its search row, or null.</summary>
    private (ConfigurationItem Ci, long Rid)? Load(string id)
    {
        if (_cis.TryGetValue(id, out var pending)) return Reread(id, pending);
        if (ReadAheadCurrent(id) is { } read) return read;
        if (_pipe is not null) return Prefetched(id);
        using var r = _sql.SelectCi.Reader(_tx, id);
        if (!r.Read()) return null;
        return (CiJsonReader.Read(r.GetUtf8(0)), r.GetInt64(1));
    }

    /// <summary>
    /// The CI as a large read just handed it out (<see cref="CiReadAhead"/>), when that snapshot is still its committed
    /// state: the node's fingerprint (updated by every commit) has the snapshot's digest and version. Called only for
    /// a CI this batch has not written.
    /// </summary>
    private (ConfigurationItem Ci, long Rid)? ReadAheadCurrent(string id)
    {
        if (ReadAhead is not { } ahead || !ahead.TryTake(id, out var ci, out var rid)) return null;
        if (!_graph.TryGetNode(id, out var node) || !_fingerprints.Matches(node, _sql.Fingerprint.Of(ci), out var version) || version != ci.Version)
            return null;
        ahead.Used();
        _found = (id, node);
        return (ci, rid);
    }

    /// <summary>
    /// The last CI this batch found in the index, with its node (a kept read's check, an upsert by identifiers): the
    /// publish updates that node without looking its id up again. An id names one node for good, so it is never stale.
    /// </summary>
    private (string? Id, int Node) _found = (null, -1);

    private static string CiPath(string? path, string field) => path is null ? field : $"{path}.{field}";
}
