using System.Runtime.CompilerServices;

namespace Cmdb.Domain.Graph;

/// <summary>
/// One end (source or target) of every edge of an <see cref="EdgeArrays"/> snapshot, indexed by edge number like the
/// array it replaces. Compacted edges are read from the compact rows (no per-edge array), later ones from the tail.
/// </summary>
public readonly record struct EdgeEnds
{
    private readonly Adjacency _adjacency;
    private readonly bool _sources;

    internal EdgeEnds(Adjacency adjacency, bool sources)
    {
        _adjacency = adjacency;
        _sources = sources;
    }

    /// <summary>The node at this end of <paramref name="edge"/> (below the snapshot's count).</summary>
    public int this[int edge]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _sources ? _adjacency.Source(edge) : _adjacency.Target(edge);
    }
}
