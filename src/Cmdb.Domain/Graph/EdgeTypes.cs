using System.Runtime.CompilerServices;

namespace Cmdb.Domain.Graph;

/// <summary>The relationship type index of every edge of an <see cref="EdgeArrays"/> snapshot, indexed by edge number.</summary>
public readonly record struct EdgeTypes
{
    private readonly Adjacency _adjacency;

    internal EdgeTypes(Adjacency adjacency) => _adjacency = adjacency;

    public ushort this[int edge]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _adjacency.Type(edge);
    }
}
