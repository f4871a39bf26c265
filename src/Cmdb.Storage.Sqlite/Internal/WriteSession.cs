using System.Buffers;
using System.Text.Json;
using Cmdb.Domain.Graph;
using Cmdb.Domain.History;
using Cmdb.Domain.Items;
using Cmdb.Domain.Model;
using Cmdb.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace Cmdb.Storage.Sqlite.Internal;

/// <summary>
/// One batch inside one SQLite transaction. It sees its own earlier steps (CIs, identifiers, relationships) through
/// overlays, and collects the in-memory changes that <see cref="Publish"/> applies once the commit is durable.
/// </summary>
internal sealed partial class WriteSession : IDisposable
{
    private readonly ModelCatalog _model;
    private readonly GraphIndex _graph;
    private readonly IdentifierMap _identifiers;
    private readonly WriterCommands _sql;
    private readonly SqliteTransaction _tx;
    private readonly Actor _actor;
    private readonly string _actorText;
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<string, Written> _cis;
    private readonly Dictionary<(string Scheme, string Value), string?> _identifierOverlay;
    private readonly Dictionary<(int Type, string Source, string Target), long> _newEdges = [];
    private readonly HashSet<long> _removedEdges = [];
    private readonly List<NodeChange> _nodeChanges;
    private readonly CiFingerprints _fingerprints;
    private readonly List<EdgeChange> _edgeChanges = [];
    private readonly UlidSequence _newIds;
    private readonly object _seq;
    private readonly AttributeProvenance _stamp; // every field a creation sets: one object for the batch
    private readonly Func<string, string, string?> _holderOf; // HolderOf as a delegate, made once rather than per record

    /// <param name="tables">The store's tables from earlier batches, reused (emptied first); null: the batch makes its own.</param>
    public WriteSession(ModelCatalog model, GraphIndex graph, IdentifierMap identifiers, CiFingerprints fingerprints, WriterCommands sql,
        SqliteTransaction tx, Actor actor, int seq, DateTimeOffset at, Tables? tables = null)
    {
        tables = tables?.Reset() ?? new Tables();
        _cis = tables.Cis;
        _identifierOverlay = tables.IdentifierOverlay;
        _nodeChanges = tables.NodeChanges;
        _model = model;
        _graph = graph;
        _identifiers = identifiers;
        _fingerprints = fingerprints;
        _sql = sql;
        _tx = tx;
        _actor = actor;
        _actorText = actor.Describe();
        _stamp = new AttributeProvenance(_actorText, at);
        _holderOf = HolderOf;
        Seq = seq;
        _seq = seq; // boxed once: every row of the batch binds it
        At = at;
        _newIds = new UlidSequence(at);
        _buffer = sql.Buffer;
        _json = sql.Json;
    }

    public int Seq { get; }

    /// <summary>The search row key the next new CI gets; the store keeps it only when the batch commits.</summary>
    public long NextRid { get; set; }

    /// <summary>The key the next new relationship gets; the store keeps it only when the batch commits.</summary>
    public long NextRelationshipId { get; set; }

    /// <summary>The id the next audit entry gets (one sequence across audit and relationship_audit); kept only on commit.</summary>
    public long NextAuditId { get; set; }

    public DateTimeOffset At { get; }

    /// <summary>Snapshots a large read handed out, which <see cref="Load"/> takes instead of reading them again while they are current.</summary>
    public CiReadAhead? ReadAhead { get; init; }

    /// <summary>How many upserts this batch found unchanged from the fingerprints alone, without reading the store.</summary>
    public int UnchangedInMemory { get; private set; }

    /// <summary>True once any step wrote something; a batch that changed nothing commits no transaction.</summary>
    public bool Changed { get; private set; }

    public OperationResult Apply(WriteOperation operation) => operation switch
    {
        UpsertCi op => UpsertCi(op),
        UpdateCi op => UpdateCi(op),
        RetireCi op => RetireCi(op),
        UpsertRelationship op => UpsertRelationship(op),
        RemoveRelationship op => RemoveRelationship(op),
        _ => throw new ArgumentException($"Unknown write operation {operation.GetType().Name}.", nameof(operation)),
    };

    /// <summary>The CI holding the identifier now, this batch's earlier steps included.</summary>
    private string? HolderOf(string scheme, string value) =>
        _identifierOverlay.TryGetValue((scheme, value), out var holder) ? holder : _identifiers.HolderOf(scheme, value);

    /// <summary>The one writer of <c>audit</c> rows (creations are runs instead: <see cref="AuditCreated"/>).</summary>
    private void Audit(string operation, string kind, string entityId, string ciA, string? ciB, IReadOnlyList<FieldChange> changes)
    {
        Row(_sql.InsertAudit).Int(NextAuditId++).Int(Seq).Text(operation).Text(kind).Text(entityId).Text(ciA).Text(ciB)
            .Utf8(AuditJson.Write(changes, _json, _buffer).Span);
        EndRow();
        Changed = true;
    }

    /// <summary>SourceNode/TargetNode: the ends' index nodes when the session knew them (-1: look the id up at publish).</summary>
    private readonly record struct EdgeChange(bool Added, long Key, string? SourceId, string? TargetId, int TypeIndex, int SourceNode = -1, int TargetNode = -1);
}
