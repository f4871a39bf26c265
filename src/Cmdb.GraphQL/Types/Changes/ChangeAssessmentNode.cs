using Cmdb.Domain.Changes;

namespace Cmdb.GraphQL.Types.Changes;

/// <summary>An assessment with the records its collisions name.</summary>
public sealed record ChangeAssessmentNode(ChangeAssessment Assessment, IReadOnlyList<ChangeCollisionNode> Collisions);
