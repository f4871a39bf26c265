using Cmdb.Domain.Relationships;

namespace Cmdb.GraphQL.Types;

/// <summary>A relationship read at <paramref name="AsOf"/>; its endpoints are read at the same moment.</summary>
public sealed record RelationshipNode(Relationship Relationship, DateTimeOffset? AsOf);
