namespace Cmdb.Domain.Impact.Export;

/// <summary>A relationship between two CIs of an exported subgraph, in its stored direction.</summary>
public sealed record SubgraphEdge(string SourceCiId, string TargetCiId, string RelationshipType, long RelationshipKey);
