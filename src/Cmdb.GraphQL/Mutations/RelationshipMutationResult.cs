using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

/// <summary>A relationship after a write, and what the write did.</summary>
public sealed record RelationshipMutationResult(RelationshipNode Relationship, WriteOutcome Outcome);
