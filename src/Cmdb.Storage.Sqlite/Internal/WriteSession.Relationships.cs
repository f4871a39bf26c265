using System.Globalization;
using System.Text.Json.Nodes;
using Cmdb.Domain.Errors;
using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    private OperationResult UpsertRelationship(UpsertRelationship op)
    {
        if (!_model.TryGetRelationshipType(op.Type, out var type)) type = _model.GetRelationshipType(op.Type, CiPath(op.Path, "type"));
        if (op.Attributes is null && ByNodes(op, out var sourceNode, out var sourceNodeClass, out var targetNode, out var targetNodeClass))
            return UpsertByNodes(type, op, sourceNode, sourceNodeClass, targetNode, targetNodeClass);
        var (sourceId, sourceClass) = Resolve(op.Source, CiPath(op.Path, "source"));
        var (targetId, targetClass) = Resolve(op.Target, CiPath(op.Path, "target"));
        _model.EnsureAllowed(type, sourceClass, targetClass, sourceId == targetId, op.Path);
        var attributes = ValidatedAttributes(op.Attributes, op.Path);

        if (FindCurrentEdge(type.Index, sourceId, targetId) is { } key)
        {
            if (attributes is null) return new OperationResult(WriteOutcome.Unchanged, Id(key), 0);
            string storedJson;
            int since;
            DrainPipeline(); // the row may have a pending update from earlier in this batch
            using (var r = _sql.SelectRelationship.Reader(_tx, key))
            {
                r.Read();
                (storedJson, since) = (r.GetString(3), r.GetInt32(5));
            }

            var stored = JsonNode.Parse(storedJson);
            if (JsonNode.DeepEquals(stored, attributes)) return new OperationResult(WriteOutcome.Unchanged, Id(key), 0);
            // Keep the old value for as-of reads (a value replaced in the commit that set it was never visible).
            if (since < Seq) Run(_sql.InsertRelationshipAttributes, key, since, Seq, storedJson);
            Run(_sql.UpdateRelationship, key, attributes.ToJsonString(), Seq);
            RelationshipAudit(AuditNames.Update, (object)key, AuditJson.Write([new FieldChange("attributes", stored, attributes.DeepClone())], _json, _buffer));
            return new OperationResult(WriteOutcome.Updated, Id(key), 0);
        }

        var json = attributes?.ToJsonString() ?? "{}";
        key = NextRelationshipId++;
        object boxedKey = key;
        Run(_sql.InsertRelationship, boxedKey, type.Name, sourceId, targetId, json, _seq, _actorText);
        // Without attributes the entry needs no changes at all: type, source and target are the relationship row's.
        RelationshipAudit(AuditNames.Relate, boxedKey, attributes is { Count: > 0 }
            ? AuditJson.WriteRelate(type.Name, sourceId, targetId, attributes, _json, _buffer)
            : (ReadOnlyMemory<byte>?)null); // not plain null: that would convert to an empty text
        var (source, target) = RememberNewEdge(type.Index, sourceId, targetId, key);
        _edgeChanges.Add(source >= 0 ? new EdgeChange(true, key, null, null, type.Index, source, target) : new EdgeChange(true, key, sourceId, targetId, type.Index));
        return new OperationResult(WriteOutcome.Created, Id(key), 0);
    }

    private OperationResult RemoveRelationship(RemoveRelationship op)
    {
        var path = CiPath(op.Path, "id");
        if (!long.TryParse(op.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var key))
            throw new CmdbException(ErrorCode.NotFound, $"Relationship {CiRulesText.Shorten(op.Id)} does not exist.", path);
        string type, sourceId, targetId, attributes;
        DrainPipeline();
        using (var r = _sql.SelectRelationship.Reader(_tx, key))
        {
            if (!r.Read()) throw new CmdbException(ErrorCode.NotFound, $"Relationship {op.Id} does not exist.", path);
            if (!r.IsDBNull(4)) throw new CmdbException(ErrorCode.NotFound, $"Relationship {op.Id} was already removed.", path);
            (type, sourceId, targetId, attributes) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));
        }

        Run(_sql.CloseRelationship, key, Seq);
        List<FieldChange> changes =
        [
            new("type", JsonValue.Create(type), null),
            new("source", JsonValue.Create(sourceId), null),
            new("target", JsonValue.Create(targetId), null),
        ];
        if (JsonNode.Parse(attributes) is JsonObject { Count: > 0 } stored) changes.Add(new FieldChange("attributes", stored, null));
        RelationshipAudit(AuditNames.Unrelate, (object)key, AuditJson.Write(changes, _json, _buffer));
        var typeIndex = _model.GetRelationshipType(type).Index;
        ForgetNewEdge(typeIndex, sourceId, targetId);
        _removedEdges.Add(key);
        _edgeChanges.Add(new EdgeChange(false, key, sourceId, targetId, typeIndex));
        return new OperationResult(WriteOutcome.Removed, Id(key), 0);
    }

    private (string Id, CiClass Class) Resolve(CiRef reference, string path)
    {
        reference.EnsureWellFormed(path);
        string? id;
        if (reference.Id is not null)
        {
            id = reference.Id;
        }
        else
        {
            CiRules.ValidateIdentifier(reference.Scheme!, reference.Value!, path);
            id = HolderOf(reference.Scheme!, reference.Value!);
        }

        var ciClass = id is null ? null : ClassOf(id);
        return ciClass is null
            ? throw new CmdbException(ErrorCode.NotFound, $"No CI matches the reference {CiRulesText.Shorten(reference.ToString())}.", path)
            : (id!, ciClass);
    }

    private CiClass? ClassOf(string id)
    {
        if (_cis.TryGetValue(id, out var pending)) return pending.Class;
        if (!_graph.TryGetNode(id, out var node)) return null;
        return _graph.StateAt(node, int.MaxValue) is { } state ? _model.Classes[state.ClassIndex] : null;
    }

    /// <summary>The key of the live relationship of this type between these CIs, or null.</summary>
    private long? FindCurrentEdge(int typeIndex, string sourceId, string targetId)
    {
        if (_newEdges.TryGetValue((typeIndex, sourceId, targetId), out var pending)) return pending;
        if (!_graph.TryGetNode(sourceId, out var source) || !_graph.TryGetNode(targetId, out var target)) return null;
        if (_newEdgesByNode.TryGetValue((typeIndex, source, target), out pending)) return pending;
        return FindCurrentEdge(typeIndex, source, target);
    }

    /// <summary>The key of the live committed relationship of this type between these nodes that this batch has not removed, or null.</summary>
    private long? FindCurrentEdge(int typeIndex, int source, int target)
    {
        var outgoing = _graph.OutEdges(source);
        var incoming = _graph.InEdges(target);
        var scanOut = outgoing.Length <= incoming.Length; // scan the shorter list: hubs have long ones
        foreach (var edge in scanOut ? outgoing : incoming)
        {
            if ((scanOut ? _graph.Target(edge) != target : _graph.Source(edge) != source) || _graph.TypeIndex(edge) != typeIndex) continue;
            if (_graph.ValidTo(edge) != int.MaxValue) continue; // int.MaxValue: still open
            var key = _graph.Key(edge);
            if (!_removedEdges.Contains(key)) return key;
        }

        return null;
    }

    /// <summary>
    /// An audit entry of a relationship (V0008): kind, entity id, source and target are the relationship row's; changes
    /// null means a new relationship without attributes (reads show its type, source and target).
    /// </summary>
    private void RelationshipAudit(string operation, object key, ReadOnlyMemory<byte>? changes)
    {
        Run(_sql.InsertRelationshipAudit, _seq, NextAuditId++, key, operation, changes);
        Changed = true;
    }

    private static JsonObject? ValidatedAttributes(JsonObject? attributes, string? path)
    {
        if (attributes is null) return null;
        var size = System.Text.Encoding.UTF8.GetByteCount(attributes.ToJsonString());
        if (size > CiRules.MaxAttributesBytes)
            throw CmdbException.Invalid($"attributes take {size} bytes; the limit is {CiRules.MaxAttributesBytes}.", CiPath(path, "attributes"));
        return attributes;
    }

    private static string Id(long key) => key.ToString(CultureInfo.InvariantCulture);
}
