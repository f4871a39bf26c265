using Cmdb.Domain.Items;

namespace Cmdb.GraphQL.Types;

/// <summary>
/// A CI as read at <paramref name="AsOf"/> (null: now). Nested fields (relationships, neighbours, their endpoints)
/// read at the same moment, so one query never mixes two points in time.
/// </summary>
public sealed record CiNode(ConfigurationItem Ci, DateTimeOffset? AsOf);
