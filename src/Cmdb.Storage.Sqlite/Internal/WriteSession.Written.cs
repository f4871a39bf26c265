using Cmdb.Domain.Items;
using Cmdb.Domain.Model;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    /// <summary>
    /// Records a CI this batch wrote: its class and search row for later steps, its index facts for <see cref="Publish"/>.
    /// The CI itself is not kept. In a bulk batch everything kept lives until the commit, so every garbage collection
    /// copied the batch's CIs (attributes, identifiers, provenance) again, which cost the batch's thread more than the
    /// merge; a later step of the same batch that needs the CI reads it back from the transaction (<see cref="Reread"/>).
    /// </summary>
    /// <remarks><paramref name="node"/>: the CI's index node when the batch knows it, else -1 (the publish looks the id up).</remarks>
    private void Remember(ConfigurationItem ci, CiClass ciClass, long rid, UInt128 digest, int node) =>
        Remember(ci.Id, ciClass, rid, ci.Status, ci.Environment, ci.Criticality, ci.MinHealthy, ci.Version, digest, node);

    private void Remember(
        string id, CiClass ciClass, long rid, CiStatus status, string? environment, int? criticality, int? minHealthy, long version, UInt128 digest,
        int node = -1)
    {
        if (_ciWrites > 0) ReserveOnFirstWrite();
        _cis[id] = new Written(ciClass, rid, _nodeChanges.Count);
        _nodeChanges.Add(new NodeChange(id, ciClass.Index, status, environment, criticality, minHealthy, version, digest, node));
    }

    /// <summary>A CI this batch wrote, as the batch left it, with its search row.</summary>
    private (ConfigurationItem Ci, long Rid) Reread(string id, Written written)
    {
        DrainPipeline(); // the read must see the batch's own rows
        using var r = _sql.SelectCi.Reader(_tx, id);
        if (!r.Read()) throw new InvalidOperationException($"CI {id} was written by this batch but is not in its transaction.");
        return (CiJsonReader.Read(r.GetUtf8(0)), written.Rid);
    }

    /// <summary>Change: the CI's latest entry in <c>_nodeChanges</c>.</summary>
    internal readonly record struct Written(CiClass Class, long Rid, int Change);

    /// <summary>Node: the CI's index node when the batch found it there, else -1.</summary>
    internal readonly record struct NodeChange(
        string Id, int ClassIndex, CiStatus Status, string? Environment, int? Criticality, int? MinHealthy, long Version, UInt128 Digest, int Node);
}
