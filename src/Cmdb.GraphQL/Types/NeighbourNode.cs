using Cmdb.GraphQL.DataLoaders;

namespace Cmdb.GraphQL.Types;

/// <summary>A CI reached from another, and the relationship (source, target, type) it was first reached by.</summary>
public sealed record NeighbourNode(string CiId, int Depth, string ViaSourceId, string ViaTargetId, string ViaType, DateTimeOffset? AsOf)
{
    /// <summary>The request's loaders, looked up once for the whole list rather than once per neighbour field.</summary>
    public PageLoaders? Loaders { get; init; }
}
