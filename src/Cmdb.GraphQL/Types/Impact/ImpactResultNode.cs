using Cmdb.Domain.Impact;

namespace Cmdb.GraphQL.Types.Impact;

/// <summary>An impact result and the moment its CIs are read at (null: now).</summary>
public sealed record ImpactResultNode(ImpactResult Result, DateTimeOffset? AsOf);
