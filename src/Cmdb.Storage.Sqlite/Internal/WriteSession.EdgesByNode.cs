using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;

namespace Cmdb.Storage.Sqlite.Internal;

/// <remarks>
/// Relationship upserts whose ends are indexed CIs, decided by index node rather than by id string: a bulk import's
/// relationships name CIs by identifiers the committed map gives to indexed CIs, and going through their id strings
/// formatted, parsed and hashed each 26-character id several times per relationship. New relationships between two
/// indexed CIs are remembered by nodes (<see cref="_newEdgesByNode"/>) whichever path wrote them, those with an end
/// created in this batch by ids (<see cref="_newEdges"/>), so either path finds what the other wrote.
/// </remarks>
internal sealed partial class WriteSession
{
    private readonly Dictionary<(int Type, int Source, int Target), long> _newEdgesByNode = [];

    /// <summary>
    /// True when both ends are references by identifier that the committed map gives to indexed CIs and this batch has
    /// written no CI (so the index's classes are the CIs' classes now); the node path then gives the ordinary path's
    /// answer, errors included. Otherwise the ordinary path decides.
    /// </summary>
    private bool ByNodes(UpsertRelationship op, out int source, out CiClass sourceClass, out int target, out CiClass targetClass)
    {
        (source, sourceClass, target, targetClass) = (-1, null!, -1, null!);
        return _cis.Count == 0 && NodeOf(op.Source, out source, out sourceClass) && NodeOf(op.Target, out target, out targetClass);
    }

    /// <summary>An upsert without attributes between two indexed CIs (see <see cref="ByNodes"/>).</summary>
    private OperationResult UpsertByNodes(RelationshipType type, UpsertRelationship op, int source, CiClass sourceClass, int target, CiClass targetClass)
    {
        _model.EnsureAllowed(type, sourceClass, targetClass, source == target, op.Path); // as the ordinary path, same error
        // Count first: an unchanged re-import has none, and a lookup in the (pre-sized) map is a cache miss per relationship.
        var live = _newEdgesByNode.Count > 0 && _newEdgesByNode.TryGetValue((type.Index, source, target), out var pending)
            ? pending
            : FindCurrentEdge(type.Index, source, target);
        if (live is { } existing) return new OperationResult(WriteOutcome.Unchanged, Id(existing), 0);

        var key = NextRelationshipId++;
        object boxedKey = key;
        var (sourceId, targetId) = (_graph.CiId(source), _graph.CiId(target));
        Run(_sql.InsertRelationship, boxedKey, type.Name, sourceId, targetId, "{}", _seq, _actorText);
        RelationshipAudit(AuditNames.Relate, boxedKey, null); // no changes stored: type, source and target are the row's
        _newEdgesByNode[(type.Index, source, target)] = key;
        // No id strings kept: the nodes are known, and a bulk batch's strings would otherwise live (and be copied by
        // every GC) until the batch ends.
        _edgeChanges.Add(new EdgeChange(true, key, null, null, type.Index, source, target));
        return new OperationResult(WriteOutcome.Created, Id(key), 0);
    }

    /// <summary>Remembers a relationship this batch created; returns its ends' nodes (-1 for a CI created in this batch).</summary>
    private (int Source, int Target) RememberNewEdge(int typeIndex, string sourceId, string targetId, long key)
    {
        if (_graph.TryGetNode(sourceId, out var source) && _graph.TryGetNode(targetId, out var target))
        {
            _newEdgesByNode[(typeIndex, source, target)] = key;
            return (source, target);
        }

        _newEdges[(typeIndex, sourceId, targetId)] = key;
        return (-1, -1);
    }

    private void ForgetNewEdge(int typeIndex, string sourceId, string targetId)
    {
        if (_graph.TryGetNode(sourceId, out var source) && _graph.TryGetNode(targetId, out var target)) _newEdgesByNode.Remove((typeIndex, source, target));
        else _newEdges.Remove((typeIndex, sourceId, targetId));
    }

    /// <summary>Sizes the new-relationship map a bulk batch will fill, once: growing it step by step rehashed every key several times.</summary>
    private void ExpectNewEdges(IReadOnlyList<WriteOperation> operations)
    {
        int relationships = 0, cis = 0;
        foreach (var operation in operations)
        {
            if (operation is UpsertRelationship) relationships++;
            else if (operation is UpsertCi) cis++;
        }

        // With new CIs in the batch, relationships to them are remembered by ids; without, all are between indexed CIs.
        if (cis == 0) _newEdgesByNode.EnsureCapacity(relationships);
        else _newEdges.EnsureCapacity(relationships);
    }
}
