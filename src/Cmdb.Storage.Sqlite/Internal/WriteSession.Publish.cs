using System.Diagnostics;

namespace Cmdb.Storage.Sqlite.Internal;

internal sealed partial class WriteSession
{
    // From this many node changes and identifiers, a batch publishes its identifiers on a second thread.
    private const int BulkPublish = 1000;
    private int _nodesPublished; // node changes [0, _nodesPublished) have their node in the publish's array
    private int _nodesSeen; // the identifier thread's last read of _nodesPublished
    private volatile bool _nodesFailed;

    /// <summary>Wall seconds of <see cref="Publish"/>'s parts: nodes (with fingerprints), edges, identifiers (benchmarks).</summary>
    public (double Nodes, double Edges, double Identifiers) PublishSplit { get; private set; }

    /// <summary>Applies the batch's effects to the in-memory index, identifier map and fingerprints. Call only after COMMIT.</summary>
    /// <remarks>
    /// The identifier map is the writer's alone (no reader touches it), so a bulk batch fills it on a second thread
    /// while this one adds the nodes: a new CI's identifiers name its node, and that thread waits for each node to
    /// exist (it trails just behind, as the map is filled in the order the CIs were written). At 1M CIs the two parts
    /// cost about the same, and publishing is serial after COMMIT, so this halves it.
    /// </remarks>
    public void Publish()
    {
        var start = Stopwatch.GetTimestamp();
        // Sized once for a bulk batch of new CIs: growing by doubling rehashed the id table several times. Only
        // creations (version 1) add nodes, and the index grows by at least a quarter (GrowNodes), so a run of
        // batches (a discovery run's) does not copy the node arrays and rehash the id table once per batch.
        var created = 0;
        foreach (var change in _nodeChanges) created += change.Version == 1 ? 1 : 0;
        if (created >= BulkPublish) _graph.GrowNodes(_graph.NodeCount + created);
        var nodes = new int[_nodeChanges.Count];
        var beside = nodes.Length >= BulkPublish && _identifierOverlay.Count >= BulkPublish
            ? Task.Factory.StartNew(() => PublishIdentifiers(nodes), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        try
        {
            for (var i = 0; i < nodes.Length; i++)
            {
                var c = _nodeChanges[i];
                if (c.Node >= 0)
                {
                    // An update the batch found in the index: no parse of its id, no probe of the id table.
                    nodes[i] = c.Node;
                    _graph.UpdateNode(c.Node, c.ClassIndex, c.Status, c.Environment, c.Criticality, c.MinHealthy, Seq);
                }
                else
                {
                    nodes[i] = _graph.UpsertNode(c.Id, c.ClassIndex, c.Status, c.Environment, c.Criticality, c.MinHealthy, Seq);
                }

                _fingerprints.Set(nodes[i], c.Digest, c.Version);
                // In steps: a counter written per node and read per identifier would bounce its cache line between the cores.
                if ((i & 255) == 255) Volatile.Write(ref _nodesPublished, i + 1);
            }

            Volatile.Write(ref _nodesPublished, nodes.Length);
        }
        catch
        {
            _nodesFailed = true; // the identifier thread stops waiting
            if (beside is not null) Task.WaitAny(beside); // its own failure is the consequence of this one
            throw;
        }

        var nodesDone = Stopwatch.GetTimestamp();
        PublishEdges();
        var edgesDone = Stopwatch.GetTimestamp();
        if (beside is null) PublishIdentifiers(nodes);
        else beside.GetAwaiter().GetResult();
        PublishSplit = (Stopwatch.GetElapsedTime(start, nodesDone).TotalSeconds,
            Stopwatch.GetElapsedTime(nodesDone, edgesDone).TotalSeconds, Stopwatch.GetElapsedTime(edgesDone).TotalSeconds);
    }

    /// <summary>
    /// At a bulk batch's first new CI: grows the index's node arrays and the identifier map for the batch's CIs now, on
    /// the batch's thread (which waits for the statement thread most of the time), rather than in the publish after
    /// COMMIT, which nothing overlaps. At 1M CIs each costs a rehash of every entry. Both are safe to grow early: the
    /// index grows under concurrent readers by design, the map is the writer's, and unused room changes no answer.
    /// </summary>
    private void MakeRoomForCreations()
    {
        var (cis, identifiers) = _creationRoom;
        _creationRoom = default;
        _graph.GrowNodes(_graph.NodeCount + cis);
        _identifiers.Reserve(identifiers);
    }

    private void PublishEdges()
    {
        foreach (var change in _edgeChanges)
        {
            var source = change.SourceNode;
            if (source < 0) _graph.TryGetNode(change.SourceId!, out source);
            if (change.Added)
            {
                var target = change.TargetNode;
                if (target < 0) _graph.TryGetNode(change.TargetId!, out target);
                _graph.AddEdge(change.Key, source, target, change.TypeIndex, Seq);
            }
            else
            {
                _graph.RemoveEdge(change.Key, source, Seq);
            }
        }
    }

    private void PublishIdentifiers(int[] nodes)
    {
        if (_identifierOverlay.Count >= BulkPublish) _identifiers.Reserve(_identifierOverlay.Count);
        foreach (var ((scheme, value), holder) in _identifierOverlay)
        {
            // A holder is a CI this batch wrote: its node is known, so the map need not parse and look its id up again.
            if (holder is null) _identifiers.Remove(scheme, value);
            else if (_cis.TryGetValue(holder, out var written)) _identifiers.Set(scheme, value, PublishedNode(nodes, written.Change));
            else _identifiers.Set(scheme, value, holder);
        }
    }

    /// <summary>The node of node change <paramref name="change"/>, once the publish's node loop has reached it.</summary>
    private int PublishedNode(int[] nodes, int change)
    {
        var spin = default(SpinWait);
        while (_nodesSeen <= change && (_nodesSeen = Volatile.Read(ref _nodesPublished)) <= change)
        {
            if (_nodesFailed) throw new InvalidOperationException("Publishing the batch's nodes failed.");
            spin.SpinOnce();
        }

        return nodes[change];
    }
}
