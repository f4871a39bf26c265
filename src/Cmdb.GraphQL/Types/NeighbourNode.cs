namespace Cmdb.GraphQL.Types;

/// <summary>A CI reached from another, and the relationship (source, target, type) it was first reached by.</summary>
public sealed record NeighbourNode(string CiId, int Depth, string ViaSourceId, string ViaTargetId, string ViaType, DateTimeOffset? AsOf);
