using System.Text.Json.Nodes;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    private static readonly object VersionOne = 1L; // boxed once: every new CI binds it
    private KeyValuePair<string, JsonNode?>[] _attributes = new KeyValuePair<string, JsonNode?>[16]; // scratch, one creation at a time
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
        IReadOnlyList<string> tags = fields.Tags is { Count: > 0 } requested
            ? requested.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()
            : [];
        var attributes = SortedAttributes(fields.Attributes);
        var identifiers = NewCiPairs(fields);
        Identification.EnsureUnique(id, identifiers, _holderOf, path);
        var rid = NextRid++;
        var status = fields.Status ?? CiStatus.Active;
        Run(_sql.InsertCi, rid, id, ciClass.Name, fields.Name, CiJson.StatusText(status), fields.Environment, fields.Criticality, fields.Owner,
            fields.SupportGroup, VersionOne);
        _stampJson ??= CreationDoc.Stamp(_stamp);
        Run(_sql.InsertVersion, id, VersionOne, _seq, CreationDoc.Write(_json, _buffer, id, ciClass.Name, fields, tags, attributes,
            identifiers, _stampJson, _stamp.At.ToUnixTimeMilliseconds(), _sql.ProvenanceNames));
        foreach (var (scheme, value) in identifiers)
        {
            Run(_sql.InsertIdentifier, scheme, value, id, _seq);
            _identifierOverlay[(scheme, value)] = id;
        }

        InsertSearchRow(rid, fields.Name!, JoinedValues(identifiers), tags, fields.Owner, fields.SupportGroup, ciClass.Name, SearchText.AttributeValues(attributes));
        attributes.Clear(); // the scratch must not keep the write's nodes alive
        AuditCreated(rid); // read back as (create, ci, id, version 1 of id): see CreationAudit
        // A new CI's digest is left unknown: most are never upserted again in this process, and the next start-up reads it.
        Remember(id, ciClass, rid, status, fields.Environment, fields.Criticality, fields.MinHealthy, 1, UInt128.Zero);
        return new OperationResult(WriteOutcome.Created, id, 1);
    }

    /// <summary>The new CI's attributes as CiMerge.Create keeps them: the non-null ones, in ordinal order (a scratch span).</summary>
    private Span<KeyValuePair<string, JsonNode?>> SortedAttributes(JsonObject? requested)
    {
        if (requested is null || requested.Count == 0) return [];
        if (_attributes.Length < requested.Count) _attributes = new KeyValuePair<string, JsonNode?>[requested.Count];
        var n = 0;
        foreach (var pair in requested)
        {
            if (pair.Value is not null) _attributes[n++] = pair;
        }

        var sorted = _attributes.AsSpan(0, n);
        if (n > 1) sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return sorted;
    }

    private void InsertSearchRow(long rid, ConfigurationItem ci) =>
        InsertSearchRow(rid, ci.Name, Joined(ci.Identifiers.Values), ci.Tags, ci.Owner, ci.SupportGroup, ci.Class, SearchText.AttributeValues(ci.Attributes));

    /// <summary>The one layout of a CI's search row (ci_fts columns), for new CIs and for rewritten ones.</summary>
    private void InsertSearchRow(
        long rid, string name, string identifiers, IEnumerable<string> tags, string? owner, string? supportGroup, string ciClass, string attributes) =>
        Run(_sql.InsertFts, rid, name, identifiers, Joined(tags), $"{owner} {supportGroup}", ciClass, attributes);
}
