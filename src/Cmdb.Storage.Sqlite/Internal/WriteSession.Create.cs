using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    private KeyValuePair<string, JsonNode?>[] _attributes = new KeyValuePair<string, JsonNode?>[16]; // scratch, one creation at a time
    private string[] _tags = new string[8]; // scratch, one creation at a time
    private byte[]? _stampJson;

    /// <summary>
    /// A new CI: checked as <see cref="CiMerge.Create(ModelCatalog, CiClass, string, CiFields, AttributeProvenance, string?)"/>
    /// checks it (<see cref="CiMerge.CheckCreate"/>) and written straight from its fields (<see cref="CreationDoc"/>: the
    /// same snapshot, without building the CI), and audited by naming its version 1 (<see cref="CreationAudit"/>), whose
    /// fields are exactly what the creation set. The entry itself is part of a run of creations (<see cref="AuditCreated"/>, V0010).
    /// </summary>
    private OperationResult Create(CiClass ciClass, string id, CiFields fields, string? path)
    {
        // Every identifier passed ValidateIdentifier in UpsertCi, the only way here (updates and retirements find their CI).
        CiMerge.CheckCreate(_model, ciClass, fields, path, identifiersValidated: ReferenceEquals(_pairsOf, fields));
        var tags = SortedTags(fields.Tags);
        var attributes = SortedAttributes(fields.Attributes);
        var identifiers = NewCiPairs(fields);
        Identification.EnsureUnique(id, identifiers, _holderOf, path);
        if (_creationRoom.Cis > 0) MakeRoomForCreations();
        var rid = NextRid++;
        var status = fields.Status ?? CiStatus.Active;
        Row(_sql.InsertCi).Int(rid).Text(id).Text(ciClass.Name).Text(fields.Name).Text(CiJson.StatusText(status)).Text(fields.Environment)
            .Int(fields.Criticality).Text(fields.Owner).Text(fields.SupportGroup).Int(1);
        EndRow();
        _stampJson ??= CreationDoc.Stamp(_stamp);
        Row(_sql.InsertVersion).Text(id).Int(1).Int(Seq).Utf8(CreationDoc.Write(_json, _buffer, id, ciClass.Name, fields, tags, attributes,
            identifiers, _stampJson, _stamp.At.ToUnixTimeMilliseconds(), _sql.ProvenanceNames).Span);
        EndRow();
        foreach (var (scheme, value) in identifiers)
        {
            Row(_sql.InsertIdentifier).Text(scheme).Text(value).Text(id).Int(Seq);
            EndRow();
            _identifierOverlay[(scheme, value)] = id;
        }

        // The search row's text is written straight into the row as UTF-8: no joined strings per CI.
        var row = Row(_sql.InsertFts).Int(rid).Text(fields.Name!);
        row.StartText();
        for (var i = 0; i < identifiers.Length; i++)
        {
            if (i > 0) row.AppendByte((byte)' ');
            row.AppendText(identifiers[i].Value);
        }

        row.EndText();
        SearchRow.Columns(row, tags, fields.Owner, fields.SupportGroup, ciClass.Name);
        row.StartText();
        SearchText.AppendAttributeValues(row, attributes);
        row.EndText();
        EndRow();
        attributes.Clear(); // the scratch must not keep the write's nodes and tags alive
        if (!tags.IsEmpty) Array.Clear(_tags);
        AuditCreated(rid); // read back as (create, ci, id, version 1 of id): see CreationAudit
        // A new CI's digest is left unknown: most are never upserted again in this process, and the next start-up reads it.
        Remember(id, ciClass, rid, status, fields.Environment, fields.Criticality, fields.MinHealthy, 1, UInt128.Zero);
        return new OperationResult(WriteOutcome.Created, id, 1);
    }

    /// <summary>The new CI's tags as CiMerge.Create keeps them: distinct, in ordinal order (a scratch span).</summary>
    private ReadOnlySpan<string> SortedTags(IReadOnlyList<string>? requested)
    {
        if (requested is null || requested.Count == 0) return [];
        if (_tags.Length < requested.Count) _tags = new string[requested.Count];
        for (var i = 0; i < requested.Count; i++) _tags[i] = requested[i];
        var sorted = _tags.AsSpan(0, requested.Count);
        sorted.Sort(StringComparer.Ordinal);
        var n = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (!string.Equals(sorted[i], sorted[n - 1], StringComparison.Ordinal)) sorted[n++] = sorted[i];
        }

        return sorted[..n];
    }

    /// <summary>The new CI's attributes as CiMerge.Create keeps them: the non-null ones, in ordinal order (a scratch span).</summary>
    private Span<KeyValuePair<string, JsonNode?>> SortedAttributes(JsonObject? requested)
    {
        if (requested is null || requested.Count == 0) return [];
        if (_attributes.Length < requested.Count) _attributes = new KeyValuePair<string, JsonNode?>[requested.Count];
        var n = 0;
        for (var i = 0; i < requested.Count; i++) // by index: the object's enumerator is a boxed one per creation
        {
            var pair = requested.GetAt(i);
            if (pair.Value is not null) _attributes[n++] = pair;
        }

        var sorted = _attributes.AsSpan(0, n);
        if (n > 1) sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return sorted;
    }

    /// <summary>A rewritten CI's search row (ci_fts columns), laid out as a new CI's (<see cref="Create"/>).</summary>
    private void InsertSearchRow(long rid, ConfigurationItem ci)
    {
        SearchRow.Write(Row(_sql.InsertFts), rid, ci);
        EndRow();
    }
}
