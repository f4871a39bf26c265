using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>A path by which one CI needs another, in walking order.</summary>
public sealed record DependencyPathNode(IReadOnlyList<PathStep> Steps, DateTimeOffset? AsOf);
