using Cmdb.Domain.Changes;

namespace Cmdb.GraphQL.Types.Changes;

/// <summary>A collision between <see cref="Change"/> and another change, with the CIs both blast radii share.</summary>
public sealed record ChangeCollisionNode(ChangeRecord Change, ChangeRecord? Other, IReadOnlyList<string> SharedCiIds);
