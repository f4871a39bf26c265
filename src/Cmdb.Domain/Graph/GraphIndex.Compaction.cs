namespace Cmdb.Domain.Graph;

public sealed partial class GraphIndex
{
    /// <summary>
    /// Overlay entries (beyond a small floor) per compacted edge above which publishing a commit compacts first.
    /// At 1/8 the rebuild cost per write stays constant and traversals read mostly compact rows.
    /// </summary>
    private const int CompactionDivisor = 8;

    /// <summary>Overlay entries always tolerated: small graphs and trickles of writes never pay for a rebuild.</summary>
    internal int CompactionFloor { get; set; } = 4096;

    /// <summary>How many compactions ran (for tests and diagnostics).</summary>
    public int CompactionCount { get; private set; }

    /// <summary>Relationship entries (both directions) written since the last compaction and not yet in compact rows.</summary>
    public int OverlayEntries
    {
        get
        {
            lock (_writer) return _adjacency.OverlayEntries;
        }
    }

    /// <summary>
    /// Rebuilds the adjacency as compressed sparse rows over every edge so far and empties the overlay. Readers in
    /// flight keep the adjacency they started with; the next ones use the new one. Runs on its own when a commit is
    /// published and the overlay has grown (see <see cref="CommitLog.Append"/>), so a bulk load ends compacted.
    /// </summary>
    public void Compact()
    {
        lock (_writer)
        {
            var current = _adjacency;
            var tail = current.Tail;
            var built = Adjacency.Build(current, _nodeCount, _edgeCount, tail.SourceArray, tail.TargetArray, tail.TypeArray, _validFrom, _validTo, Model.RelationshipTypes.Count);
            if (built is null) return; // too many types to pack: the overlay keeps serving every row
            Volatile.Write(ref _adjacency, built);
            CompactionCount++;
        }
    }

    /// <summary>
    /// Builds the impact fast path of the current compaction now, if it is not built yet (otherwise the first impact
    /// query starts it, in the background on a large graph); returns the bytes it holds (0 before any compaction).
    /// </summary>
    public long PreparePropagationRows() => Propagation(wait: true)?.Bytes ?? 0;

    /// <summary>The propagation rows of the current compaction, if built (or built now with <paramref name="wait"/>).</summary>
    internal PropagationRows? Propagation(bool wait = false) => Volatile.Read(ref _adjacency).Propagation(Model, FactsArray, wait);

    private void CompactIfOverlayIsLarge()
    {
        bool large;
        lock (_writer)
        {
            var adjacency = _adjacency;
            large = adjacency.OverlayEntries > CompactionFloor + (2L * adjacency.EdgeCount / CompactionDivisor);
        }

        if (large) Compact();
    }
}
