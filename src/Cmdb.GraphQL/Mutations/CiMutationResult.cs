using Cmdb.Domain.Storage;
using Cmdb.GraphQL.Types;

namespace Cmdb.GraphQL.Mutations;

/// <summary>A CI after a write, and what the write did.</summary>
public sealed record CiMutationResult(CiNode Ci, WriteOutcome Outcome);
